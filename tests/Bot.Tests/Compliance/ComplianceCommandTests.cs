using System.Text.Json.Nodes;
using PmfBot.Bot.Tests.Support;
using PmfBot.Domain.Demo;

namespace PmfBot.Bot.Tests.Compliance;

public sealed class ComplianceCommandTests(SharedDemoBot shared) : SharedDemoBotTests(shared)
{
    [Fact]
    public async Task Compliance_counts_on_time_late_and_missing_and_names_the_owners()
    {
        var card = Assert.Single(await Bot.SayAsync(DemoCouncil.People.AuditChair, "compliance"));

        var text = ConversationBot.TextOf(card);
        Assert.Matches(@"\d+ returns due: \d+ on time \([\d.]+%\), \d+ late, \d+ missing\.", text);
        Assert.Contains("all directorates", text);
        Assert.Contains("Adults and Health", text);
        Assert.Contains("Owners with late or missing returns", text);
        // Kate Hughes's line, then her returns (the table's "Late" and "Missing" column titles are always there).
        var kate = CardElements.All(card).Single(e => e["type"]!.GetValue<string>() == "Container" && CardElements.All(e).Any(r => r["text"]?.GetValue<string>() == "Kate Hughes"));
        var returns = CardElements.RunsOf(CardElements.All(kate["items"]).Where(e => e["type"]!.GetValue<string>() == "RichTextBlock").Last()).Select(r => r.Trim()).ToList();
        Assert.Contains("CPP-H4 Missing", returns);
        Assert.Contains(returns, r => r.EndsWith(" Late", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Compliance_is_open_to_any_member_of_staff_because_it_is_published_to_committee()
    {
        var card = Assert.Single(await Bot.SayAsync(DemoCouncil.People.Owner, "compliance adults and health"));

        var text = ConversationBot.TextOf(card);
        Assert.Contains("Adults and Health", text);
        Assert.Contains("returns due:", text);
    }

    [Fact]
    public async Task Compliance_show_answers_the_card_for_all_directorates()
    {
        var data = new JsonObject { ["cardKind"] = "scrutiny-summary-card", ["directorateId"] = "", ["periodKey"] = "2025-26-Q2" };

        var card = ConversationBot.CardOf(await Bot.ClickAsync(DemoCouncil.People.ScrutinyChair, "compliance.show", data));

        Assert.Contains("all directorates", ConversationBot.TextOf(card));
    }
}
