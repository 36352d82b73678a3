using System.Diagnostics;
using System.Text.RegularExpressions;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using PmfBot.Domain.Returns;
using PmfBot.Journeys.Tests.Support;
using PmfBot.Tests.Support;
using Xunit.Abstractions;

namespace PmfBot.Journeys.Tests.Journeys;

/// <summary>
/// A quarter at Northbridge City Council, end to end: the real bot on PostgreSQL, driven only through
/// Microsoft's Agents Playground (its HTTP and WebSocket interface, nothing mocked between them). The
/// demo clock starts on 24 November 2025 and "demo next" moves it through the Q3 2025/26 cycle.
/// Numbers are the issue's journeys; the steps run in the order a quarter does.
/// </summary>
[Collection(CouncilWorldCollection.Name)]
[TestCaseOrderer(StepOrderer.TypeName, StepOrderer.AssemblyName)]
public sealed class CouncilQuarterJourneys(CouncilWorld world, ITestOutputHelper output)
{
    private const string PlainCommentary = "Visits went up after the new pool opened in November. We expect the same next quarter.";

    [Fact, Step(1)]
    public async Task Journey_2_bad_input_on_the_return_card_is_shown_on_the_card_and_nothing_is_saved()
    {
        var clock = Stopwatch.StartNew();
        var kate = world.Owner;

        // The quarter ends; Q3 returns open and Kate is nudged in Teams.
        var mark = kate.Mark;
        await kate.AskAsync("demo next", m => m.Words.Contains("Demo clock"));
        await kate.WaitForAsync(mark, m => m.Words.Contains("Q3 2025/26") && !m.Words.Contains("Demo clock"), "the nudge that her Q3 returns are open");

        var returnCard = await kate.AskAsync("my returns", m => m.Words.Contains("Your Q3 2025/26 returns"));
        var returnIds = ReturnIdsOn(returnCard.Card!);
        Assert.NotEmpty(returnIds);
        var auditBefore = await AuditLinesAsync();

        // Words where a number belongs, and an override of the RAG with no reason.
        var first = returnIds[0];
        var answer = await kate.PressAsync(returnCard, "returns.submit", Cards.Press(Cards.Action(returnCard.Card!, "returns.submit"), new Dictionary<string, string>
        {
            [$"{first}.value"] = "about forty thousand",
            [$"{first}.commentary"] = PlainCommentary,
            [$"{returnIds[^1]}.overrideRag"] = "Red",
        }));

        var words = Cards.Words(answer);
        output.WriteLine(words);
        Assert.Contains("Enter a number", words);
        Assert.Contains("Nothing was saved", words);

        // The other returns were not saved, so the card must not call them submitted.
        Assert.DoesNotContain("Submitted: correcting", words);
        Assert.DoesNotContain("Exception", words);
        Assert.Contains("about forty thousand", answer.ToJsonString());

        await using var db = world.Database();
        var saved = await db.Returns.AsNoTracking().Where(r => returnIds.Contains(r.Id)).ToListAsync();
        Assert.All(saved, r => Assert.Null(r.SubmittedAt));
        Assert.All(saved, r => Assert.Null(r.Value));
        Assert.Equal(auditBefore, await AuditLinesAsync());
        world.Record("Journey 2: bad input on the return card, shown on the card, nothing saved", clock.Elapsed);
    }

    [Fact, Step(2)]
    public async Task Journey_1_an_owner_submits_her_returns_one_with_data_not_available_and_the_card_shows_them_submitted()
    {
        var clock = Stopwatch.StartNew();
        var kate = world.Owner;
        var returnCard = await kate.AskAsync("my returns", m => m.Words.Contains("Your Q3 2025/26 returns"));
        var returnIds = ReturnIdsOn(returnCard.Card!);
        Assert.True(returnIds.Count >= 2, $"Kate should have several Q3 returns open; the card says: {returnCard.Words}");

        var inputs = new Dictionary<string, string>();
        foreach (var id in returnIds.Skip(1))
        {
            inputs[$"{id}.value"] = "45";
            inputs[$"{id}.commentary"] = PlainCommentary;
            inputs[$"{id}.actionsDelivered"] = "We ran two open days at the leisure centres.";
            inputs[$"{id}.actionsPlanned"] = "We will run a summer offer for families.";
        }

        inputs[$"{returnIds[0]}.notAvailable"] = "true";
        inputs[$"{returnIds[0]}.notAvailableReason"] = "The survey results are published in March.";
        inputs[$"{returnIds[0]}.commentary"] = "We will report this figure when the survey results are out.";
        var answer = await kate.PressAsync(returnCard, "returns.submit", Cards.Press(Cards.Action(returnCard.Card!, "returns.submit"), inputs));

        var words = Cards.Words(answer);
        output.WriteLine(words);
        Assert.Contains("submitted", words, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("not available", words, StringComparison.OrdinalIgnoreCase);

        await using var db = world.Database();
        var saved = await db.Returns.AsNoTracking().Where(r => returnIds.Contains(r.Id)).ToListAsync();
        Assert.All(saved, r => Assert.Equal(ReturnState.Submitted, r.State));
        Assert.Equal("The survey results are published in March.", saved.Single(r => r.Id == returnIds[0]).NotAvailableReason);
        Assert.All(saved.Where(r => r.Id != returnIds[0]), r => Assert.Equal(45m, r.Value));
        Assert.All(saved, r => Assert.True(db.AuditLog.Any(a => a.EntityId == r.Id && a.ActorName == "Kate Hughes")));

        // Kate's Teams: asking again shows every return submitted (the press above answered through the
        // API, which the playground's screen does not redraw).
        var again = await kate.AskAsync("my returns", m => m.Words.Contains("Your Q3 2025/26 returns"));
        var tally = Regex.Match(again.Words, @"\d+ indicators due: \d+ submitted").Value;
        Assert.DoesNotContain("not started", again.Words);
        output.WriteLine(await world.Camera.ShootAsync(kate, "journey-1-owner-submits-returns", tally));
        world.Record("Journey 1: an owner submits her returns (one data not available); the card shows them submitted", clock.Elapsed);
    }

    [Fact, Step(3)]
    public async Task Journey_3_the_lead_proposes_a_rating_the_chair_amends_it_with_a_reason_and_the_approval_card_shows_the_outcome()
    {
        var clock = Stopwatch.StartNew();
        var aisha = world.Lead;
        var rosa = world.Chair;

        // The cycle moves on until the returns are due and Dr Rahman is asked to propose HW1's rating.
        var ask = await MoveClockUntilAsync(aisha, m => m.Card is not null && Cards.Actions(m.Card, "rating.propose").Count > 0 && m.Words.Contains("HW1"), "the request to propose HW1's rating");
        var rosaMark = rosa.Mark;
        var proposed = await aisha.PressAsync(ask, "rating.propose", Cards.Press(Cards.Action(ask.Card!, "rating.propose"), new Dictionary<string, string>
        {
            ["rating"] = "Green",
            ["summary"] = "Most indicators are on target. Leisure visits are up and more people are active.",
        }));
        Assert.Contains("waits for the chair, Cllr Rosa Whitfield", Cards.Words(proposed));

        // The chair's approval card arrives in her Teams straight away.
        var approval = await rosa.WaitForAsync(rosaMark, m => m.Card is not null && Cards.Actions(m.Card, "rating.amend").Count > 0 && m.Words.Contains("HW1"), "the approval card for HW1");
        var amended = await rosa.PressAsync(approval, "rating.amend", Cards.Press(Cards.Action(approval.Card!, "rating.amend"), new Dictionary<string, string>
        {
            ["amendedRating"] = "Amber",
            ["reason"] = "Health inequalities are still wide in the most deprived wards.",
        }));
        var words = Cards.Words(amended);
        output.WriteLine(words);
        Assert.Contains("Amber", words);
        Assert.Contains("Health inequalities are still wide in the most deprived wards.", words);

        // Everyone who sees the posted card sees the outcome: the bot edited it, and the screen shows it.
        await rosa.WaitForAsync(rosaMark, m => m.IsEdit && m.Id == approval.Id && m.Words.Contains("Health inequalities are still wide"), "the approval card edited with the outcome");
        await using (var db = world.Database())
        {
            var hw1 = await db.Priorities.AsNoTracking().SingleAsync(p => p.Code == "HW1");
            var rating = await db.Ratings.AsNoTracking().SingleAsync(r => r.PriorityId == hw1.Id && r.Period == Domain.Calendar.Period.Quarter(2025, 3));
            Assert.Equal(Domain.Ratings.RatingState.Amended, rating.State);
            Assert.Equal(Domain.RagRatings.Rag.Amber, rating.AmendedRag);
            Assert.Contains(db.AuditLog.Where(a => a.EntityId == rating.Id).Select(a => a.ActorName), n => n == "Cllr Rosa Whitfield");
        }

        output.WriteLine(await world.Camera.ShootAsync(rosa, "journey-3-chair-amends-rating", "Health inequalities are still wide"));
        world.Record("Journey 3: the lead proposes HW1's rating; the chair amends it with a reason; the approval card shows the outcome", clock.Elapsed);
    }

    [Fact, Step(4)]
    public async Task Journey_6_an_owner_who_is_not_the_chair_cannot_approve_and_is_told_why()
    {
        var clock = Stopwatch.StartNew();
        var kate = world.Owner;
        var rosa = world.Chair;
        var approval = rosa.Since(0).Last(m => m.Card is not null && Cards.Actions(m.Card, "rating.approve").Count > 0);
        var auditBefore = await AuditLinesAsync();

        // Kate has been forwarded the chair's card and presses Approve in her own chat.
        var kateMessage = await kate.AskAsync("help");
        var refused = await kate.PressAsync(kateMessage, "rating.approve", Cards.Action(approval.Card!, "rating.approve")["data"]!.AsObject());

        var words = Cards.Words(refused);
        output.WriteLine(words);
        Assert.Contains("You cannot approve this rating", words);
        Assert.Contains("Only the chair of Health and Wellbeing Board can decide the rating for HW1.", words);
        Assert.Equal(auditBefore, await AuditLinesAsync());
        world.Record("Journey 6: an owner who is not the chair tries to approve; refused with the reason", clock.Elapsed);
    }

    [Fact, Step(5)]
    public async Task Journey_4_at_the_board_meeting_the_cycle_posts_the_board_summary_and_the_scrutiny_summary_in_their_channels()
    {
        var clock = Stopwatch.StartNew();
        var rosa = world.Chair;
        var paul = world.Scrutiny;
        var paulMark = paul.Mark;

        var boardSummary = await MoveClockUntilAsync(rosa, m => m.ConversationId.StartsWith(rosa.ChannelId, StringComparison.Ordinal) && m.Card is not null, "the board summary in the Health and Wellbeing Board's channel");
        output.WriteLine(boardSummary.Words);
        Assert.Contains("Health and Wellbeing Board", boardSummary.Words);
        Assert.Contains("Q3 2025/26", boardSummary.Words);
        Assert.Contains("HW1", boardSummary.Words);

        var scrutinySummary = await paul.WaitForAsync(paulMark, m => m.ConversationId.StartsWith(paul.ChannelId, StringComparison.Ordinal) && m.Card is not null, "the scrutiny summary in the scrutiny board's channel");
        output.WriteLine(scrutinySummary.Words);
        Assert.Contains("Q3 2025/26", scrutinySummary.Words);
        Assert.Contains("scrutiny", scrutinySummary.Words, StringComparison.OrdinalIgnoreCase);

        // The bot records the send only after Teams has answered it, so the card can be on screen first.
        await Eventually.HoldsAsync(async () => await BoardSummariesSentAsync() > 0, "the Health and Wellbeing Board's Q3 summary to be recorded sent in the outbox");
        Assert.Equal(1, await BoardSummariesSentAsync());
        world.Record("Journey 4: the cycle posts the board summary and the scrutiny summary into their channels", clock.Elapsed);
    }

    [Fact, Step(6)]
    public async Task Journey_5_a_scrutiny_member_asks_for_a_priority_with_a_typo_and_drills_down_to_an_indicators_trend()
    {
        var clock = Stopwatch.StartNew();
        var paul = world.Scrutiny;
        var status = await paul.AskAsync("status helth inequalites", m => m.Words.Contains("HW1"));
        output.WriteLine(status.Words);
        Assert.Contains("Reduce health inequalities", status.Words);
        var drill = Cards.Actions(status.Card!, "indicator.history")[0];

        var history = await paul.PressAsync(status, "indicator.history", drill["data"]!.AsObject());
        var words = Cards.Words(history);
        output.WriteLine(words);
        var code = drill["title"]!.GetValue<string>()["History of ".Length..];
        Assert.Contains($"History: {code}", words);
        Assert.Contains("Values and ratings", words);

        // The same press on Paul's screen, for the picture.
        await world.Camera.ClickAsync(paul, drill["title"]!.GetValue<string>());
        output.WriteLine(await world.Camera.ShootAsync(paul, "journey-5-scrutiny-drills-down", $"History: {code}"));
        world.Record("Journey 5: a scrutiny member asks \"status helth inequalites\" and drills down to an indicator's trend", clock.Elapsed);
    }

    /// <summary>"demo next" (said by Kate; anyone may in the local demo) until the person gets the message wanted.</summary>
    private async Task<BotMessage> MoveClockUntilAsync(Playground person, Func<BotMessage, bool> wanted, string what)
    {
        var mark = person.Mark;
        for (var step = 0; step < 10; step++)
        {
            await world.Owner.AskAsync("demo next", m => m.Words.Contains("Demo clock"));
            try
            {
                return await person.WaitForAsync(mark, wanted, what, TimeSpan.FromSeconds(5));
            }
            catch (TimeoutException)
            {
                // Not at this milestone: on to the next.
            }
        }

        return await person.WaitForAsync(mark, wanted, what, TimeSpan.FromSeconds(1));
    }

    private static IReadOnlyList<Guid> ReturnIdsOn(JsonObject card) =>
        Cards.InputIds(card)
            .Where(id => id.EndsWith(".value", StringComparison.Ordinal))
            .Select(id => Guid.Parse(id[..^".value".Length]))
            .ToList();

    private async Task<int> BoardSummariesSentAsync()
    {
        await using var db = world.Database();
        return await db.Outbox.CountAsync(o => o.Key.StartsWith("summary.board:") && o.Key.EndsWith(":2025-26-Q3") && o.SentAt != null && o.BoardId == db.Boards.Single(b => b.Name == "Health and Wellbeing Board").Id);
    }

    private async Task<int> AuditLinesAsync()
    {
        await using var db = world.Database();
        return await db.AuditLog.CountAsync();
    }
}
