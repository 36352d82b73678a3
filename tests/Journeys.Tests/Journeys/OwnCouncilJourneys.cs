using System.Diagnostics;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using PmfBot.Domain.Calendar;
using PmfBot.Domain.Returns;
using PmfBot.Journeys.Tests.Support;
using PmfBot.Tests.Support;
using Xunit.Abstractions;

namespace PmfBot.Journeys.Tests.Journeys;

/// <summary>
/// Issue 13: a council's own people and data. Rivermouth (samples/rivermouth) imports its single
/// data list, past values, actions and risks into an empty PostgreSQL database with the README's
/// commands; the bot starts on it with the demo council off; its people reach PmfBot from Teams
/// accounts it has never seen, are linked on first contact, and run a quarter: returns open, the
/// owner submits, the performance lead signs off, the self assessment reaches whoever answers it,
/// and the scrutiny chair reads a priority's travel against the same quarter last year, which only
/// the imported values can give.
/// </summary>
[Collection(OwnCouncilWorldCollection.Name)]
[TestCaseOrderer(StepOrderer.TypeName, StepOrderer.AssemblyName)]
public sealed class OwnCouncilJourneys(OwnCouncilWorld world, ITestOutputHelper output)
{
    private const string NotKnown = "does not know you";

    [Fact, Step(1)]
    public async Task The_imports_made_the_council_in_the_empty_database_and_nobody_is_linked_to_teams_yet()
    {
        var outputs = world.ImportOutputs;
        Assert.Equal(OwnCouncilWorld.ImportFiles.Count, outputs.Count);
        Assert.Contains("people: 19 created", outputs[0]);
        Assert.Contains("past values: 31 created", outputs[1]);
        Assert.Contains("board actions: 3 created", outputs[2]);
        Assert.Contains("risks: 3 created", outputs[3]);

        await using var db = world.Database();
        Assert.False(await db.Boards.AnyAsync(b => b.Name == "Health and Wellbeing Board"), "The demo council must not be in the database.");
        Assert.Equal(4, await db.Boards.CountAsync());
        Assert.Equal(31, await db.Returns.CountAsync(r => r.IsImported));
        Assert.False(await db.People.AnyAsync(p => p.EntraObjectId != null), "Nobody may have an Entra object id before they reach PmfBot from Teams.");
    }

    [Fact, Step(2)]
    public async Task Journey_13a_people_are_recognised_and_linked_on_first_contact_and_a_stranger_is_told_whom_to_ask()
    {
        var clock = Stopwatch.StartNew();
        var dan = world.Owner;

        // Dan opens PmfBot in Teams (the playground installs the app) and asks for his returns.
        await world.Camera.OpenAsync(dan);
        var answer = await dan.AskAsync("my returns");
        output.WriteLine(answer.Words);
        Assert.DoesNotContain(NotKnown, answer.Words);

        // Nothing is open yet, and the values imported for him are history, not returns he made.
        Assert.Contains("Dan Whitley, you have no returns to enter", answer.Words);
        await AssertLinkedAsync("owner");

        // The others say hello in their own Teams; each is recognised by the email Teams gives.
        foreach (var person in new[] { world.PerformanceLead, world.SelfAssessor, world.Performance })
        {
            var hello = await person.AskAsync("help");
            Assert.DoesNotContain(NotKnown, hello.Words);
            Assert.Contains($"Hello {person.UserName}", hello.Words);
        }

        await AssertLinkedAsync("performance-lead");
        await AssertLinkedAsync("self-assessment");
        await AssertLinkedAsync("performance");

        // Pat Nobody is in Rivermouth's Teams but not in its single data list: told whom to ask.
        var stranger = await world.Performance.AskInChannelAsync(OwnCouncilWorld.TeamsId("stranger"), "help");
        output.WriteLine(stranger.Words);
        Assert.Contains("does not match anyone in the council's performance framework", stranger.Words);
        Assert.Contains("ask the performance team", stranger.Words);
        Assert.Contains($"Sophie Hart ({OwnCouncilWorld.Email("performance")})", stranger.Words);
        Assert.Contains($"Ben Adeyemi (ben.adeyemi@{OwnCouncilWorld.EmailDomain})", stranger.Words);
        await using (var db = world.Database())
        {
            var strangerId = world.ObjectIds["stranger"];
            Assert.False(await db.People.AnyAsync(p => p.EntraObjectId == strangerId));
        }

        world.Record("Journey 13a: five people linked on first contact by the email Teams gives; a stranger told whom to ask", clock.Elapsed);
    }

    [Fact, Step(3)]
    public async Task Journey_13b_the_performance_team_moves_the_clock_and_returns_open_and_the_owner_is_nudged()
    {
        var clock = Stopwatch.StartNew();
        var dan = world.Owner;
        var mark = dan.Mark;

        var moved = await world.Performance.AskAsync("demo next", m => m.Words.Contains("Demo clock"));
        output.WriteLine(moved.Words);
        Assert.Contains("2 January 2026", moved.Words);
        var nudge = await dan.WaitForAsync(mark, m => m.Card is not null && m.Words.Contains("Q3 2025/26"), "the nudge that his Q3 2025/26 returns are open");
        output.WriteLine(nudge.Words);

        await using var db = world.Database();
        var open = await db.Returns.AsNoTracking().Include(r => r.Indicator)
            .Where(r => r.Period == Period.Quarter(2025, 3) && !r.IsImported)
            .Select(r => r.Indicator.Code)
            .ToListAsync();
        Assert.Contains("RM-ASC1", open);
        Assert.Contains("RM-ASC2", open);
        world.Record("Journey 13b: the performance team says \"demo next\"; Q3 returns open; the owner is nudged", clock.Elapsed);
    }

    [Fact, Step(4)]
    public async Task Journey_13c_the_owner_submits_the_performance_lead_signs_off_and_the_self_assessment_reaches_whoever_answers_it()
    {
        var clock = Stopwatch.StartNew();
        var dan = world.Owner;
        var tom = world.PerformanceLead;
        var ruth = world.SelfAssessor;
        var tomMark = tom.Mark;
        var ruthMark = ruth.Mark;

        // Dan submits both of his Adult Social Care and Health returns on the card.
        var returnCard = await dan.AskAsync("my returns", m => m.Words.Contains("Your Q3 2025/26 returns"));
        var returnIds = ReturnIdsOn(returnCard.Card!);
        var values = await ValuesByCodeAsync(returnIds);
        Assert.Equal(["RM-ASC1", "RM-ASC2"], values.Keys.Order());
        var inputs = new Dictionary<string, string>();
        foreach (var (code, id) in values)
        {
            inputs[$"{id}.value"] = Q3Values[code];
            inputs[$"{id}.commentary"] = "Hospital discharges rose over the winter. We kept more people at home with the new reablement team.";
        }

        var submitted = await dan.PressAsync(returnCard, "returns.submit", Cards.Press(Cards.Action(returnCard.Card!, "returns.submit"), inputs));
        output.WriteLine(Cards.Words(submitted));
        await using (var db = world.Database())
        {
            var saved = await db.Returns.AsNoTracking().Where(r => returnIds.Contains(r.Id)).ToListAsync();
            Assert.All(saved, r => Assert.Equal(ReturnState.Submitted, r.State));
        }

        var again = await dan.AskAsync("my returns", m => m.Words.Contains("Your Q3 2025/26 returns"));
        Assert.DoesNotContain("not started", again.Words);
        output.WriteLine(await world.Camera.ShootAsync(dan, "own-council-owner-submits-returns", Regex.Match(again.Words, @"\d+ indicators? due: \d+ submitted").Value));

        // The directorate's returns are all in: its performance lead gets the sign-off card when the
        // cycle next runs (the next milestone), or on the sign-off day at the latest.
        var signOff = await MoveClockUntilAsync(tom, m => m.Card is not null && Cards.Actions(m.Card, "signoff.all").Count > 0, "Directorate sign-off", "the sign-off card for Adult Social Care and Health");
        output.WriteLine(signOff.Words);
        Assert.Contains("Sign-off: Adult Social Care and Health, Q3 2025/26", signOff.Words);
        var signedOff = await tom.PressAsync(signOff, "signoff.all", Cards.Action(signOff.Card!, "signoff.all")["data"]!.AsObject());
        output.WriteLine(Cards.Words(signedOff));
        await using (var db = world.Database())
        {
            var saved = await db.Returns.AsNoTracking().Where(r => returnIds.Contains(r.Id)).ToListAsync();
            Assert.All(saved, r => Assert.Equal(ReturnState.SignedOff, r.State));
            var tomId = await db.People.Where(p => p.Email == OwnCouncilWorld.Email("performance-lead")).Select(p => p.Id).SingleAsync();
            Assert.All(saved, r => Assert.Equal(tomId, r.SignedOffById));
        }

        // Adult Social Care and Health's self assessment is answered by Ruth Ellery (the data list's
        // "Self assessment by email"), not its performance lead.
        var selfAssessment = await MoveClockUntilAsync(ruth, m => m.Card is not null && Cards.Actions(m.Card, "selfAssessment.save").Count > 0, "Self assessments", "the self-assessment card");
        output.WriteLine(selfAssessment.Words);
        Assert.Contains("Adult Social Care and Health scorecard, Q3 2025/26: self assessment", selfAssessment.Words);
        Assert.DoesNotContain(tom.Since(tomMark), m => m.Card is not null && Cards.Actions(m.Card, "selfAssessment.save").Count > 0 && m.Words.Contains("Adult Social Care and Health"));
        Assert.NotEmpty(ruth.Since(ruthMark));
        world.Record("Journey 13c: the owner submits on the card; the performance lead signs off; the self assessment reaches Ruth Ellery", clock.Elapsed);
    }

    [Fact, Step(5)]
    public async Task Journey_13d_the_scrutiny_chair_asks_for_a_priority_and_sees_travel_against_the_same_quarter_last_year_from_the_imported_values()
    {
        var clock = Stopwatch.StartNew();
        var sophie = world.Performance;

        // The performance team links the committee to its channel, from inside it (the data list gave no channel).
        var linked = await sophie.AskInChannelAsync(sophie.UserId, "link board Rivermouth Overview and Scrutiny Committee", m => m.Words.Contains("linked"));
        output.WriteLine(linked.Words);
        Assert.Contains("Rivermouth Overview and Scrutiny Committee is linked to this channel", linked.Words);
        await using (var db = world.Database())
        {
            var channel = await db.Boards.AsNoTracking().Where(b => b.Name == "Rivermouth Overview and Scrutiny Committee").Select(b => b.Channel).SingleAsync();
            Assert.Equal(sophie.ChannelId, channel?.ChannelId);
        }

        var status = await sophie.AskInChannelAsync(OwnCouncilWorld.TeamsId("scrutiny-chair"), "status RCP-1", m => m.Words.Contains("RCP-1"));
        var words = Regex.Replace(status.Words, @"\s+", " ");
        output.WriteLine(words);
        await AssertLinkedAsync("scrutiny-chair");
        Assert.Contains("Help older people stay independent at home", words);
        Assert.Contains("Q3 2025/26", words);

        // RM-ASC1 (higher is better): 82 this quarter; 84.5 last quarter, 80.9 in Q3 2024/25 (imported).
        Assert.Matches(@"RM-ASC1 .*?↓ Worsening since last period · ↑ Improving since same period last year", words);

        // RM-ASC2 (lower is better): 44 this quarter; 39 last quarter, 44 in Q3 2024/25 (imported).
        Assert.Matches(@"RM-ASC2 .*?↓ Worsening since last period · → No change since same period last year", words);
        Assert.Contains("Agree a joint reablement capacity plan with the hospital trust (Dan Whitley, due 31 Jan 2026)", words);
        Assert.Contains("before mitigation: high impact, high likelihood; after: high impact, medium likelihood", words);
        world.Record("Journey 13d: the performance team links the committee's channel; its chair asks \"status RCP-1\" there; travel against the same quarter last year", clock.Elapsed);
    }

    /// <summary>Dan's Q3 2025/26 figures: see <see cref="Journey_13d_the_scrutiny_chair_asks_for_a_priority_and_sees_travel_against_the_same_quarter_last_year_from_the_imported_values"/>.</summary>
    private static readonly IReadOnlyDictionary<string, string> Q3Values = new Dictionary<string, string> { ["RM-ASC1"] = "82", ["RM-ASC2"] = "44" };

    /// <summary>
    /// "demo next", said by Sophie Hart (performance team), until <paramref name="person"/> gets the message
    /// wanted; after the milestone whose words include <paramref name="lastMilestone"/> it must have come.
    /// </summary>
    private async Task<BotMessage> MoveClockUntilAsync(Playground person, Func<BotMessage, bool> wanted, string lastMilestone, string what)
    {
        var mark = person.Mark;
        for (var step = 0; step < 12; step++)
        {
            var moved = await world.Performance.AskAsync("demo next", m => m.Words.Contains("Demo clock"));
            output.WriteLine(moved.Words);
            var last = moved.Words.Contains(lastMilestone, StringComparison.Ordinal);
            try
            {
                return await person.WaitForAsync(mark, wanted, what, TimeSpan.FromSeconds(last ? 60 : 4));
            }
            catch (TimeoutException) when (!last)
            {
                // Not at this milestone: on to the next.
            }
        }

        throw new TimeoutException($"{person.UserName} did not get {what} in twelve milestones.");
    }

    private async Task AssertLinkedAsync(string persona)
    {
        var email = OwnCouncilWorld.Email(persona);
        var objectId = world.ObjectIds[persona];
        await Eventually.HoldsAsync(
            async () =>
            {
                await using var db = world.Database();
                return await db.People.AnyAsync(p => p.Email == email && p.EntraObjectId == objectId);
            },
            $"{email} to be linked to the Teams account {objectId}");
        await using var check = world.Database();
        var person = await check.People.AsNoTracking().SingleAsync(p => p.Email == email);
        Assert.Contains(await check.AuditLog.AsNoTracking().Where(a => a.EntityId == person.Id).Select(a => a.Action).ToListAsync(), a => a == "linked to a Teams account");
    }

    private async Task<Dictionary<string, Guid>> ValuesByCodeAsync(IReadOnlyList<Guid> returnIds)
    {
        await using var db = world.Database();
        return await db.Returns.AsNoTracking().Include(r => r.Indicator)
            .Where(r => returnIds.Contains(r.Id))
            .ToDictionaryAsync(r => r.Indicator.Code, r => r.Id);
    }

    private static IReadOnlyList<Guid> ReturnIdsOn(JsonObject card) =>
        Cards.InputIds(card)
            .Where(id => id.EndsWith(".value", StringComparison.Ordinal))
            .Select(id => Guid.Parse(id[..^".value".Length]))
            .ToList();
}
