using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using PmfBot.Domain.Demo;
using PmfBot.Reliability.Tests.Support;

namespace PmfBot.Reliability.Tests.Fuzzing;

/// <summary>
/// The valid-looking activities the fuzzer mutates, taken from the running bot: chat messages of
/// the demo cast, installs, and a click on every button of every card the bot answered them with
/// (the real verbs of CardActionTable, with real return, rating and directorate ids and versions).
/// </summary>
public static class FuzzTemplates
{
    public const string PeriodKey = "2025-26-Q2";

    private static readonly DemoPerson Unknown = new("Nobody Known", "nobody@example.test", "00000000-0000-4000-8000-00000000dead", "Stranger");

    /// <summary>HW2's lead officer (the demo chair sent its rating back, so it can be proposed again).</summary>
    private static DemoPerson Hw2Lead => DemoCouncil.People.All.Single(p => p.Name == "Shona Barraclough");

    private static readonly (DemoPerson Person, string Text)[] Conversations =
    [
        (DemoCouncil.People.Owner, "my returns"),
        (DemoCouncil.People.Owner, "help"),
        (DemoCouncil.People.Collator, "my returns"),
        (DemoCouncil.People.LeadOfficer, "status HW1"),
        (Hw2Lead, "status HW2"),
        (DemoCouncil.People.Chair, "exceptions"),
        (DemoCouncil.People.PerformanceLead, "compliance Adults and Health"),
        (DemoCouncil.People.Director, "scorecard Adults and Health"),
        (DemoCouncil.People.ScrutinyChair, "trend CPP-H4"),
        (DemoCouncil.People.PerformanceOfficer, "cycle"),
        (DemoCouncil.People.PerformanceOfficer, "cycle problems"),
        (Unknown, "help"),
    ];

    public static async Task<IReadOnlyList<ActivityTemplate>> GatherAsync(BotUnderTest bot, string? bearerToken = null)
    {
        var templates = new List<ActivityTemplate>();
        foreach (var (person, text) in Conversations)
        {
            var message = bot.Message(person, text);
            templates.Add(new($"'{text}' from {person.Name}", message));
            foreach (var card in await bot.SayAsync(person, text, bearerToken))
                templates.AddRange(Clicks(bot, person, card));
        }

        templates.AddRange(await RatingClicksAsync(bot));
        templates.Add(new("bot installed in a team channel", Installed(bot)));
        templates.Add(new("installationUpdate add", InstallationUpdate(bot)));

        // Many cards repeat the same button (status pages, history links): keep a few of each.
        return templates.GroupBy(t => t.Name).SelectMany(g => g.Take(3)).ToList();
    }

    private static IEnumerable<ActivityTemplate> Clicks(BotUnderTest bot, DemoPerson person, JsonObject card) =>
        CardButtons.Of(card).Select(button => new ActivityTemplate($"{button.Verb} by {person.Name}", bot.Click(person, button.Verb, button.Data)));

    /// <summary>The rating cards are posted by the scheduler, not answered to a command: their data as the cards carry it.</summary>
    private static async Task<IEnumerable<ActivityTemplate>> RatingClicksAsync(BotUnderTest bot)
    {
        await using var db = bot.NewContext();
        var period = Domain.Calendar.Period.Parse(PeriodKey);
        var rating = await db.Ratings.AsNoTracking().Include(r => r.Priority).SingleAsync(r => r.Priority.Code == "HW2" && r.Period == period);
        JsonObject Data(string cardKind, params (string Key, string Value)[] inputs)
        {
            var data = new JsonObject
            {
                ["cardKind"] = cardKind,
                ["priorityId"] = rating.PriorityId.ToString(),
                ["periodKey"] = PeriodKey,
                ["version"] = rating.Version.ToString(CultureInfo.InvariantCulture),
            };
            foreach (var (key, value) in inputs)
                data[key] = value;
            return data;
        }

        var chair = DemoCouncil.People.Chair;
        return
        [
            new("rating.propose by Shona Barraclough", bot.Click(Hw2Lead, "rating.propose", Data("rating-proposal-card", ("rating", "Amber"), ("summary", "Delays in arranging care at home are down by a third.")))),
            new("rating.approve by Cllr Rosa Whitfield", bot.Click(chair, "rating.approve", Data("approval-card"))),
            new("rating.amend by Cllr Rosa Whitfield", bot.Click(chair, "rating.amend", Data("approval-card", ("amendedRating", "Red"), ("reason", "Delays are still well above target.")))),
            new("rating.sendBack by Cllr Rosa Whitfield", bot.Click(chair, "rating.sendBack", Data("approval-card", ("comment", "Please say what the new provider changes.")))),
            new("card.refresh by Cllr Rosa Whitfield", bot.Click(chair, "card.refresh", Data("approval-card"))),
        ];
    }

    private static JsonObject Installed(BotUnderTest bot)
    {
        var activity = bot.Activity(DemoCouncil.People.PerformanceOfficer, "conversationUpdate");
        activity["conversation"] = new JsonObject { ["id"] = "19:board@thread.tacv2", ["conversationType"] = "channel", ["isGroup"] = true, ["tenantId"] = BotUnderTest.TenantId };
        activity["membersAdded"] = new JsonArray(new JsonObject { ["id"] = "28:pmfbot" });
        activity["channelData"] = new JsonObject
        {
            ["tenant"] = new JsonObject { ["id"] = BotUnderTest.TenantId },
            ["team"] = new JsonObject { ["id"] = "19:team@thread.tacv2", ["name"] = "Health and Wellbeing", ["aadGroupId"] = "6f1c2d3e-4a5b-4c6d-8e7f-9a0b1c2d3e4f" },
            ["channel"] = new JsonObject { ["id"] = "19:board@thread.tacv2" },
            ["eventType"] = "teamMemberAdded",
        };
        return activity;
    }

    private static JsonObject InstallationUpdate(BotUnderTest bot)
    {
        var activity = bot.Activity(DemoCouncil.People.Owner, "installationUpdate");
        activity["action"] = "add";
        return activity;
    }
}
