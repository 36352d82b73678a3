using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PmfBot.Bot.Publication;
using PmfBot.Bot.Tests.Conversation.Support;
using PmfBot.Domain.Demo;
using PmfBot.Domain.Scorecards;

namespace PmfBot.Bot.Tests.Conversation.Compliance;

/// <summary>
/// "Release for public display" on the compliance card while publication is on: the performance
/// team's button (Universal Action, sent with a test-signed token like any Teams invoke).
/// </summary>
public sealed class ReleaseButtonTests : IAsyncLifetime
{
    private static readonly DemoPerson Officer = DemoCouncil.People.PerformanceOfficer;
    private ConversationBot _bot = new(alsoServices: s => s.Configure<PublicationOptions>(o => o.Enabled = true));

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    [Fact]
    public async Task The_compliance_card_offers_the_release_and_the_button_releases_the_quarter_audited()
    {
        var card = Assert.Single(await _bot.SayAsync(Officer, "compliance"));
        var button = Release(card);
        Assert.NotNull(button);
        Assert.Contains("Quarter 2 2025/26 has not been released for public display yet.", ConversationBot.TextOf(card));

        var answer = ConversationBot.CardOf(await _bot.ClickAsync(Officer, ReleaseQuarterActionVerb, button!["data"]!.DeepClone().AsObject()));

        var text = ConversationBot.TextOf(answer);
        Assert.Contains("Quarter 2 2025/26 is released for public display", text);
        Assert.Contains("Compliance, Q2 2025/26", text);
        Assert.Null(Release(answer));
        await using var db = _bot.NewContext();
        Assert.True((await db.QuarterReleases.SingleAsync()).IsReleased);
        var audit = await db.AuditLog.SingleAsync(a => a.EntityType == QuarterRelease.AuditEntityType);
        Assert.Equal((Officer.Name, QuarterRelease.ReleasedAction, ConversationBot.DemoDay), (audit.ActorName, audit.Action, audit.At));

        var later = ConversationBot.TextOf(Assert.Single(await _bot.SayAsync(DemoCouncil.People.AuditChair, "compliance")));
        Assert.Contains("Released for public display by Alison Pryce on 24 November 2025 at 10:00.", later);
    }

    [Fact]
    public async Task Someone_outside_the_performance_team_who_presses_it_keeps_the_card_with_the_reason_and_nothing_is_released()
    {
        var card = Assert.Single(await _bot.SayAsync(DemoCouncil.People.AuditChair, "compliance"));

        var answer = ConversationBot.CardOf(await _bot.ClickAsync(DemoCouncil.People.AuditChair, ReleaseQuarterActionVerb, Release(card)!["data"]!.DeepClone().AsObject()));

        var text = ConversationBot.TextOf(answer);
        Assert.Contains("Only the performance team can release a quarter for public display or withdraw it.", text);
        Assert.Contains("Compliance, Q2 2025/26", text);
        await using var db = _bot.NewContext();
        Assert.Equal(0, await db.QuarterReleases.CountAsync());
    }

    [Fact]
    public async Task With_publication_off_the_card_says_nothing_of_releases()
    {
        await _bot.DisposeAsync();
        _bot = new ConversationBot();

        var card = Assert.Single(await _bot.SayAsync(Officer, "compliance"));

        Assert.Null(Release(card));
        Assert.DoesNotContain("public display", ConversationBot.TextOf(card));
    }

    private const string ReleaseQuarterActionVerb = PmfBot.Bot.Compliance.ReleaseQuarterAction.Verb;

    private static JsonObject? Release(JsonObject card) =>
        card["actions"]?.AsArray().Select(a => a!.AsObject()).FirstOrDefault(a => a["verb"]?.GetValue<string>() == ReleaseQuarterActionVerb);
}
