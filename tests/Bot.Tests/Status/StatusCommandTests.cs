using Microsoft.EntityFrameworkCore;
using PmfBot.Bot.Tests.Support;
using PmfBot.Domain.Demo;
using PmfBot.Tests.Support;

namespace PmfBot.Bot.Tests.Status;

/// <summary>On SQLite the class shares one bot, reset before each test.</summary>
public sealed class StatusCommandOnSqlite(SharedDemoBot shared) : StatusCommandTests(shared.Bot, ownBot: false), IClassFixture<SharedDemoBot>;

/// <summary>On PostgreSQL each test has a bot of its own (<see cref="ConversationBot.ResetAsync"/> resets SQLite only).</summary>
public sealed class StatusCommandOnPostgres() : StatusCommandTests(new ConversationBot(new PostgresTestDatabase()), ownBot: true);

/// <summary><c>status &lt;priority&gt;</c>, the status card, and its drill-down to an indicator's history.</summary>
public abstract class StatusCommandTests(ConversationBot bot, bool ownBot) : IAsyncLifetime
{
    private readonly ConversationBot _bot = bot;

    public Task InitializeAsync() => ownBot ? _bot.Database.InitializeAsync() : _bot.ResetAsync();

    public async Task DisposeAsync()
    {
        if (ownBot)
        {
            await _bot.DisposeAsync();
        }
    }

    [Fact]
    public async Task Status_by_code_shows_the_priority_with_its_rating_indicators_and_risks()
    {
        var card = Assert.Single(await _bot.SayAsync(DemoCouncil.People.ScrutinyMember, "status hw1"));

        var text = ConversationBot.TextOf(card);
        Assert.Contains("HW1", text);
        Assert.Contains("Reduce health inequalities", text);
        Assert.Contains("Health and Wellbeing Board", text);
        Assert.Contains("Q2 2025/26", text);
        Assert.Contains("indicators:", text);
        Assert.All(ReadCards.Actions(card), a => Assert.Contains(a["verb"]!.GetValue<string>(), ReadCards.ReadVerbs));
        Assert.Contains(ReadCards.Actions(card), a => a["verb"]!.GetValue<string>() == "indicator.history");
    }

    [Fact]
    public async Task Each_indicator_shows_travel_since_last_period_and_since_the_same_period_last_year_and_actions_and_risks_read_once()
    {
        await _bot.SayAsync(DemoCouncil.People.ScrutinyMember, "help"); // the host starts and seeds the demo council
        string code;
        await using (var db = _bot.NewContext())
        {
            // A priority with a board action and a risk, so their lines are on the card too.
            var withRisks = await db.Risks.Select(r => r.PriorityId).ToListAsync();
            var withActions = await db.BoardActions.Where(a => a.PriorityId != null).Select(a => a.PriorityId!.Value).ToListAsync();
            var id = withRisks.Intersect(withActions).First();
            code = await db.Priorities.Where(p => p.Id == id).Select(p => p.Code).SingleAsync();
        }

        var card = Assert.Single(await _bot.SayAsync(DemoCouncil.People.ScrutinyMember, $"status {code}"));

        var text = ConversationBot.TextOf(card);
        var indicators = ReadCards.Actions(card).Count(a => a["verb"]!.GetValue<string>() == "indicator.history");
        Assert.Equal(indicators, System.Text.RegularExpressions.Regex.Count(text, "since last period"));
        Assert.Equal(indicators, System.Text.RegularExpressions.Regex.Count(text, "since same period last year"));
        Assert.DoesNotContain("due due", text);
        Assert.Matches(@"due \d{1,2} [A-Z][a-z]{2} 20\d\d", text);
        Assert.DoesNotContain("Before mitigation", text);
        Assert.DoesNotContain("After mitigation", text);
        Assert.Matches("before mitigation: (low|medium|high) impact, (low|medium|high) likelihood; after: (low|medium|high) impact", text);
    }

    [Fact]
    public async Task Status_asked_again_after_a_change_saved_by_another_server_shows_the_change()
    {
        var first = ConversationBot.TextOf(Assert.Single(await _bot.SayAsync(DemoCouncil.People.ScrutinyMember, "status hw1")));
        string oldName;
        await using (var otherServer = _bot.NewContext())
        {
            var priority = await otherServer.Priorities.SingleAsync(p => p.Code == "HW1");
            var lead = await otherServer.People.SingleAsync(p => p.Id == priority.LeadOfficerId);
            oldName = lead.Name;
            lead.Rename("Dr Imogen Renamed");
            await otherServer.SaveChangesAsync();
        }

        var again = await AskAfterAChangeAsync("status hw1", "Dr Imogen Renamed");

        Assert.Contains(oldName, first);
        Assert.Contains("Dr Imogen Renamed", again);
        Assert.DoesNotContain(oldName, again);
    }

    [Fact]
    public async Task A_priority_renamed_by_another_server_is_found_by_its_new_words_at_the_next_ask()
    {
        var before = ConversationBot.TextOf(Assert.Single(await _bot.SayAsync(DemoCouncil.People.ScrutinyMember, "status lighthouse ambitions")));
        await using (var otherServer = _bot.NewContext())
        {
            var priority = await otherServer.Priorities.SingleAsync(p => p.Code == "HW1");
            priority.Revise("Lighthouse ambitions for every ward", priority.PlanId, priority.BoardId, priority.DirectorateId);
            await otherServer.SaveChangesAsync();
        }

        var after = await AskAfterAChangeAsync("status lighthouse ambitions", "Lighthouse ambitions for every ward");

        Assert.DoesNotContain("Lighthouse ambitions for every ward", before);
        Assert.Contains("HW1", after);
    }

    /// <summary>
    /// Asks after a change saved by another server. SQLite: the next ask reads the stamp. PostgreSQL:
    /// this server hears of the change by NOTIFY, within milliseconds, so it may take a second ask.
    /// </summary>
    private async Task<string> AskAfterAChangeAsync(string text, string expected)
    {
        var answer = ConversationBot.TextOf(Assert.Single(await _bot.SayAsync(DemoCouncil.People.ScrutinyMember, text)));
        for (var waited = 0; !answer.Contains(expected, StringComparison.Ordinal) && _bot.Database is PostgresTestDatabase && waited < 5_000; waited += 100)
        {
            await Task.Delay(100);
            answer = ConversationBot.TextOf(Assert.Single(await _bot.SayAsync(DemoCouncil.People.ScrutinyMember, text)));
        }

        return answer;
    }

    [Fact]
    public async Task Status_by_words_of_the_title_forgives_case_and_typos()
    {
        var card = Assert.Single(await _bot.SayAsync(DemoCouncil.People.ScrutinyMember, "status Helth INEQUALITEIS"));

        Assert.Contains("Reduce health inequalities", ConversationBot.TextOf(card));
    }

    [Fact]
    public async Task An_ambiguous_status_lists_the_candidates_with_their_codes()
    {
        var card = Assert.Single(await _bot.SayAsync(DemoCouncil.People.ScrutinyMember, "status homes"));

        var text = ConversationBot.TextOf(card);
        Assert.Contains("Which priority did you mean?", text);
        Assert.Contains("HR1: Increase the number of new and affordable homes", text);
        Assert.Contains("HR3: Improve the quality and energy efficiency of homes", text);
    }

    [Fact]
    public async Task An_unknown_priority_is_answered_with_a_hint_not_silence()
    {
        var card = Assert.Single(await _bot.SayAsync(DemoCouncil.People.ScrutinyMember, "status zebra crossings"));

        var text = ConversationBot.TextOf(card);
        Assert.Contains("No priority matches \"zebra crossings\"", text);
        Assert.Contains("for example HW1", text);
    }

    [Fact]
    public async Task Drilling_down_from_status_shows_the_indicators_history_with_who_when_and_what()
    {
        var status = Assert.Single(await _bot.SayAsync(DemoCouncil.People.ScrutinyMember, "status HR1"));
        var history = ReadCards.Action(status, "indicator.history", d => d["cardKind"]!.GetValue<string>() == "status-card");

        var card = ConversationBot.CardOf(await _bot.ClickAsync(DemoCouncil.People.ScrutinyMember, "indicator.history", ReadCards.DataOf(history)));

        var text = ConversationBot.TextOf(card);
        Assert.Contains("changes, newest first", text);
        Assert.Contains("return submitted", text);
        Assert.Matches(@"\d{1,2} [A-Z][a-z]{2} 20\d\d \d\d:\d\d", text);
        Assert.Contains("PmfBot (system)", text);
    }

    [Fact]
    public async Task Status_show_answers_the_status_card_and_paging_moves_through_the_indicators()
    {
        var id = await ReadCards.PriorityIdAsync(_bot, "HW2");
        var data = new System.Text.Json.Nodes.JsonObject { ["cardKind"] = "board-summary-card", ["priorityId"] = id.ToString(), ["periodKey"] = "2025-26-Q2" };

        var card = ConversationBot.CardOf(await _bot.ClickAsync(DemoCouncil.People.Chair, "status.show", data));

        Assert.Contains("Support more people to live independently", ConversationBot.TextOf(card));
        var page = new System.Text.Json.Nodes.JsonObject { ["cardKind"] = "status-card", ["priorityId"] = id.ToString(), ["periodKey"] = "2025-26-Q2", ["page"] = 2 };
        var second = ConversationBot.CardOf(await _bot.ClickAsync(DemoCouncil.People.Chair, "card.page", page));
        Assert.Contains("HW2", ConversationBot.TextOf(second));
    }

    [Fact]
    public async Task The_status_button_pressed_again_answers_the_same_card_from_what_was_kept()
    {
        var id = await ReadCards.PriorityIdAsync(_bot, "HW2");
        var data = new System.Text.Json.Nodes.JsonObject { ["cardKind"] = "board-summary-card", ["priorityId"] = id.ToString(), ["periodKey"] = "2025-26-Q2" };

        var rendered = await _bot.ClickAsync(DemoCouncil.People.Chair, "status.show", data.DeepClone().AsObject());
        var kept = await _bot.ClickAsync(DemoCouncil.People.ScrutinyMember, "status.show", data.DeepClone().AsObject());

        Assert.Equal("AdaptiveCard", ConversationBot.CardOf(kept)["type"]!.GetValue<string>());
        Assert.Equal(rendered.ToJsonString(), kept.ToJsonString());
    }
}
