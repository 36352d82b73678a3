using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using PmfBot.Bot.Tests.Ratings;
using PmfBot.Bot.Tests.Support;
using PmfBot.Domain.Calendar;
using PmfBot.Domain.Demo;
using PmfBot.Domain.Returns;
using PmfBot.Domain.Storage;
using PmfBot.Tests.Support;
using Xunit.Abstractions;
using static PmfBot.Bot.Tests.Returns.ReturnsScenario;

namespace PmfBot.Bot.Tests.Returns;

/// <summary>
/// What one click costs the database (PostgreSQL, as in production): the commands of a submit,
/// a saved draft and a chair's decision are counted and printed (the figures of issue 15). The
/// behaviour asserted: a submit costs the same whatever the number of returns on the page.
/// </summary>
public sealed class ReturnRoundTripTests(ITestOutputHelper output) : IAsyncLifetime
{
    private static readonly DemoPerson Owner = DemoCouncil.People.Owner;
    private readonly PostgresTestDatabase _database = new();
    private readonly DatabaseCommands _commands = new();
    private ConversationBot _bot = null!;

    public async Task InitializeAsync()
    {
        await _database.InitializeAsync();
        _bot = new ConversationBot(_database, alsoServices: services => services.ConfigurePmfDbContext(o => o.AddInterceptors(_commands)));
        _ = _bot.Server;
    }

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    [Fact]
    public async Task A_submit_costs_the_same_round_trips_for_one_return_as_for_three()
    {
        var one = await SubmitPageAsync(collated: 0);
        var three = await SubmitPageAsync(collated: 3);

        output.WriteLine($"returns.submit, page of 1: {one} database round trips, besides finding who clicked");
        output.WriteLine($"returns.submit, page of 3: {three} database round trips, besides finding who clicked");
        Assert.Equal(one, three);
    }

    [Fact]
    public async Task Round_trips_of_a_saved_draft_and_a_chairs_decision_are_printed()
    {
        var data = DataOf(await _bot.MyReturnsAsync(Owner), "returns.saveDraft");
        var id = ReturnIds(data)[0];
        var draft = await _commands.DuringAsync(() => _bot.CardAfterAsync(Owner, "returns.saveDraft", data.Answer(id)));

        var journey = new RatingJourney(_bot);
        await journey.ProposeAsync("Amber");
        var approve = await _commands.DuringAsync(() => journey.ClickAsync(RatingJourney.Chair, "rating.approve"));

        output.WriteLine($"returns.saveDraft, page of 1: {draft.Count} database round trips");
        output.WriteLine($"rating.approve: {approve.Count} database round trips");
        Assert.Equal(ReturnState.Draft, (await _bot.SavedAsync(id)).State);
        Assert.True((await journey.RatingAsync()).IsDecided);
    }

    /// <summary>
    /// Gives the owner more unanswered returns, then submits them all at once: its round
    /// trips. The card pages to fit Teams' size limit, so the click lists the returns itself, as a
    /// card with room for them all would.
    /// </summary>
    private async Task<int> SubmitPageAsync(int collated)
    {
        await using (var db = _bot.NewContext())
        {
            var owner = await db.People.SingleAsync(p => p.EntraObjectId == Owner.EntraObjectId);
            var others = await db.Returns.AsTracking().Include(r => r.Indicator)
                .Where(r => r.Indicator.OwnerId != owner.Id
                    && (r.State == ReturnState.Open || r.State == ReturnState.Draft || r.State == ReturnState.SentBack))
                .OrderBy(r => r.Indicator.Code).Take(collated).ToListAsync();
            Assert.Equal(collated, others.Count);
            others.ForEach(r => r.Indicator.AssignOwner(owner.Id));
            Assert.True(collated == 0 || await db.SaveChangesAsync() > 0, "nothing saved");
        }

        var data = DataOf(await _bot.MyReturnsAsync(Owner), "returns.submit");
        await using (var db = _bot.NewContext())
        {
            var owner = await db.People.SingleAsync(p => p.EntraObjectId == Owner.EntraObjectId);
            var unanswered = await db.Returns
                .Where(r => (r.Indicator.OwnerId == owner.Id || r.Indicator.Collators.Any(c => c.PersonId == owner.Id))
                    && (r.State == ReturnState.Open || r.State == ReturnState.Draft || r.State == ReturnState.SentBack))
                .Select(r => new { r.Id, r.Version }).ToListAsync();
            data["returns"] = new JsonArray(unanswered.Select(r => (JsonNode)new JsonObject { ["returnId"] = r.Id.ToString(), ["version"] = r.Version.ToString(System.Globalization.CultureInfo.InvariantCulture) }).ToArray());
        }

        var ids = ReturnIds(data);
        Assert.Equal(Math.Max(1, collated), ids.Count);
        foreach (var id in ids)
        {
            data.Answer(id);
        }

        var sent = await _commands.DuringAsync(async () => Assert.Contains("Submitted", ConversationBot.TextOf(await _bot.CardAfterAsync(Owner, "returns.submit", data))));
        foreach (var id in ids)
        {
            Assert.Equal(ReturnState.Submitted, (await _bot.SavedAsync(id)).State);
        }

        foreach (var command in sent)
        {
            output.WriteLine("  " + command.ReplaceLineEndings(" ")[..Math.Min(160, command.Length)]);
        }

        // Who clicked is looked up again only when the speaker cache heard of a change (the set-up's, just
        // before): that look-up belongs to the click, not to the submit, and is counted apart.
        var speaker = sent.Count(c => c.Contains("\"EntraObjectId\" =", StringComparison.Ordinal));
        output.WriteLine($"  ({speaker} of them to look up who clicked)");
        return sent.Count - speaker;
    }
}
