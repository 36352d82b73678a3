using System.Text.Json.Nodes;
using PmfBot.Bot.Tests.Support;
using PmfBot.Domain.Demo;
using PmfBot.Domain.RagRatings;
using PmfBot.Domain.Ratings;
using PmfBot.Tests.Support;

namespace PmfBot.Bot.Tests.Ratings;

/// <summary>The rating journey on PostgreSQL: propose, a refused non-chair, the chair amends, a second window loses.</summary>
public sealed class RatingApprovalPostgresTests : IAsyncLifetime
{
    private readonly PostgresTestDatabase _database = new();
    private ConversationBot _bot = null!;

    public async Task InitializeAsync()
    {
        await _database.InitializeAsync();
        _bot = new ConversationBot(_database);
        _ = _bot.Server;
    }

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    [Fact]
    public async Task The_lead_proposes_a_non_chair_is_refused_the_chair_amends_and_a_second_window_sees_the_outcome()
    {
        var journey = new RatingJourney(_bot);
        await journey.ProposeAsync("Amber");
        var data = await journey.DataAsync();

        var refused = ConversationBot.TextOf(await journey.ClickAsync(DemoCouncil.People.Owner, "rating.approve"));
        var amended = ConversationBot.TextOf(await journey.ClickAsync(RatingJourney.Chair, "rating.amend", new JsonObject
        {
            ["amendedRating"] = "Red",
            ["reason"] = "Delays are still well above target.",
        }));
        var otherWindow = ConversationBot.TextOf(ConversationBot.CardOf(await _bot.ClickAsync(RatingJourney.Chair, "rating.approve", data)));

        Assert.Contains("Only the chair of Health and Wellbeing Board can decide the rating for HW2.", refused);
        Assert.Contains("Amended by the chair", amended);
        Assert.Contains("This rating was already amended", otherWindow);
        var rating = await journey.RatingAsync();
        Assert.Equal((RatingState.Amended, Rag.Red), (rating.State, rating.FinalRag));
        Assert.Contains(_bot.Connector.LogEntries, e => e.RequestMessage.Method == "PUT");
    }
}
