using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using PmfBot.Domain.Demo;
using PmfBot.Domain.Ratings;
using PmfBot.Domain.Returns;
using PmfBot.Domain.Storage;
using PmfBot.Reliability.Tests.Support;
using PmfBot.Tests.Support;

namespace PmfBot.Reliability.Tests.Faults;

/// <summary>
/// The connection to PostgreSQL dropped at the worst moment: the change and its audit lines are
/// written, the transaction not yet committed (or committed, with the answer lost on the way back).
/// Real use cases through the card buttons, PostgreSQL behind a proxy the test cuts.
/// </summary>
public sealed class PostgresConnectionFaultTests : IAsyncLifetime
{
    private const string PeriodKey = "2025-26-Q2";
    private static readonly DemoPerson Owner = DemoCouncil.People.Owner;
    private static readonly DemoPerson Hw2Lead = DemoCouncil.People.All.Single(p => p.Name == "Shona Barraclough");

    private readonly PostgresTestDatabase _database = new();
    private readonly CommitFault _fault = new();
    private FaultyTcpProxy _proxy = null!;
    private BotUnderTest _bot = null!;

    public async Task InitializeAsync()
    {
        await _database.InitializeAsync();
        var server = new NpgsqlConnectionStringBuilder(_database.ConnectionString);
        _proxy = new FaultyTcpProxy(server.Host!, server.Port);
        var throughProxy = new NpgsqlConnectionStringBuilder(_database.ConnectionString) { Host = "127.0.0.1", Port = _proxy.Port }.ConnectionString;
        _bot = new BotUnderTest(_database, hostConnectionString: throughProxy, services: s => s.ConfigurePmfDbContext(o => o.AddInterceptors(_fault)));
        _ = _bot.Server;
    }

    public async Task DisposeAsync()
    {
        await _bot.DisposeAsync();
        await _proxy.DisposeAsync();
    }

    [Fact]
    public async Task A_return_submitted_as_the_connection_drops_before_commit_is_not_saved_at_all_and_saves_once_when_tried_again()
    {
        var (click, returnId) = await SubmitClickAsync();
        var before = await ReturnAsync(returnId);

        _fault.ArmOnce(_proxy.CutAll);
        var failed = await ClickAsync(click);

        Assert.Equal(1, _fault.Fired);
        AssertToldToTryAgain(failed);
        Assert.Equal(before, await ReturnAsync(returnId));

        var retried = await ClickAsync(click);

        Assert.Contains("Submitted 1 return", retried);
        var after = await ReturnAsync(returnId);
        Assert.Equal((ReturnState.Submitted, before.Version + 1, before.AuditLines + 1), (after.State, after.Version, after.AuditLines));
    }

    [Fact]
    public async Task A_return_whose_commit_succeeded_but_whose_answer_was_lost_is_saved_once_and_trying_again_saves_nothing_more()
    {
        var (click, returnId) = await SubmitClickAsync();
        var before = await ReturnAsync(returnId);

        _fault.ArmOnce(LoseTheAnswer);
        var failed = await ClickAsync(click);

        AssertToldToTryAgain(failed);
        var committed = await ReturnAsync(returnId);
        Assert.Equal((ReturnState.Submitted, before.Version + 1, before.AuditLines + 1), (committed.State, committed.Version, committed.AuditLines));

        var retried = await ClickAsync(click);

        Assert.DoesNotContain("Something went wrong", retried);
        Assert.Equal(committed, await ReturnAsync(returnId));
    }

    [Fact]
    public async Task A_rating_proposed_as_the_connection_drops_is_not_saved_and_saves_once_when_proposed_again()
    {
        var click = await RatingClickAsync(Hw2Lead, "rating.propose", "rating-proposal-card", ("rating", "Amber"), ("summary", "Delays in arranging care at home are down by a third since the new provider started."));
        var before = await RatingAsync();

        _fault.ArmOnce(_proxy.CutAll);
        var failed = await ClickAsync(click);

        Assert.Equal(1, _fault.Fired);
        AssertToldToTryAgain(failed);
        Assert.Equal(before, await RatingAsync());

        var retried = await ClickAsync(click);

        Assert.Contains("Your proposal of Amber was saved", retried);
        var after = await RatingAsync();
        Assert.Equal((RatingState.Proposed, before.Version + 1, before.AuditLines + 1), (after.State, after.Version, after.AuditLines));
    }

    [Fact]
    public async Task A_chairs_decision_as_the_connection_drops_is_not_saved_and_is_saved_once_when_made_again()
    {
        await ClickAsync(await RatingClickAsync(Hw2Lead, "rating.propose", "rating-proposal-card", ("rating", "Amber"), ("summary", "Delays in arranging care at home are down by a third since the new provider started.")));
        var click = await RatingClickAsync(DemoCouncil.People.Chair, "rating.approve", "approval-card");
        var before = await RatingAsync();

        _fault.ArmOnce(_proxy.CutAll);
        var failed = await ClickAsync(click);

        Assert.Equal(1, _fault.Fired);
        AssertToldToTryAgain(failed);
        Assert.Equal(before, await RatingAsync());

        var retried = await ClickAsync(click);

        Assert.Contains("You approved Amber", retried);
        var after = await RatingAsync();
        Assert.Equal((RatingState.Approved, before.Version + 1, before.AuditLines + 1), (after.State, after.Version, after.AuditLines));
    }

    /// <summary>The server commits; its answer never arrives; then the connection resets.</summary>
    private void LoseTheAnswer()
    {
        _proxy.SwallowReplies();
        _ = Task.Delay(TimeSpan.FromMilliseconds(500)).ContinueWith(_ => _proxy.CutAll(), TaskScheduler.Default);
    }

    /// <summary>
    /// A message, so Teams keeps the card and what was typed on it; it never claims nothing was
    /// saved (the commit may have landed) and shows nothing of the exception.
    /// </summary>
    private void AssertToldToTryAgain(string answer)
    {
        Assert.True(answer.StartsWith("message: ", StringComparison.Ordinal), $"{answer}\nThe bot logged: {string.Join("\n", _bot.Logs.Lines.Where(l => l.StartsWith("Error", StringComparison.Ordinal)))}");
        Assert.Contains("cannot tell whether it was saved. Please try again in a minute", answer);
        Assert.DoesNotContain("nothing was saved", answer, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotMatch(@"Exception|Npgsql|\bat [\w.]+\(", answer);
    }

    /// <summary>The invoke answer: the card's text, or "message: ..." when Teams is to keep the card.</summary>
    private async Task<string> ClickAsync(JsonObject click)
    {
        var response = await _bot.PostAsync(Encoding.UTF8.GetBytes(click.ToJsonString()));
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        return body["type"]!.GetValue<string>() == "application/vnd.microsoft.activity.message"
            ? "message: " + body["value"]!.GetValue<string>()
            : CardButtons.TextOf(body["value"]);
    }

    private async Task<(JsonObject Click, Guid ReturnId)> SubmitClickAsync()
    {
        var card = Assert.Single(await _bot.SayAsync(Owner, "my returns"));
        var data = CardButtons.Of(card).First(b => b.Verb == "returns.submit").Data;
        var id = data["returns"]![0]!["returnId"]!.GetValue<string>();
        data[$"{id}.value"] = "31,500";
        data[$"{id}.commentary"] = "Visits rose after the new timetable started in August. We will keep the longer opening hours through the winter.";
        data[$"{id}.overrideRag"] = "none";
        return (_bot.Click(Owner, "returns.submit", data), Guid.Parse(id));
    }

    private async Task<JsonObject> RatingClickAsync(DemoPerson person, string verb, string cardKind, params (string Key, string Value)[] inputs)
    {
        var rating = await RatingAsync();
        var data = new JsonObject
        {
            ["cardKind"] = cardKind,
            ["priorityId"] = rating.PriorityId.ToString(),
            ["periodKey"] = PeriodKey,
            ["version"] = rating.Version.ToString(CultureInfo.InvariantCulture),
        };
        foreach (var (key, value) in inputs)
            data[key] = value;
        return _bot.Click(person, verb, data);
    }

    private async Task<(ReturnState State, int Version, int AuditLines)> ReturnAsync(Guid id)
    {
        await using var db = _bot.NewContext();
        var saved = await db.Returns.AsNoTracking().SingleAsync(r => r.Id == id);
        return (saved.State, saved.Version, await db.AuditLog.CountAsync(a => a.EntityId == id));
    }

    private async Task<(Guid PriorityId, RatingState State, int Version, int AuditLines)> RatingAsync()
    {
        await using var db = _bot.NewContext();
        var period = Domain.Calendar.Period.Parse(PeriodKey);
        var rating = await db.Ratings.AsNoTracking().Include(r => r.Priority).SingleAsync(r => r.Priority.Code == "HW2" && r.Period == period);
        return (rating.PriorityId, rating.State, rating.Version, await db.AuditLog.CountAsync(a => a.EntityId == rating.Id));
    }
}
