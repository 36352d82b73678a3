using PmfBot.Bot.Tests.Support;
using PmfBot.Domain.Ratings;

namespace PmfBot.Bot.Tests.Ratings;

[CollectionDefinition(nameof(TwoHostsInOneProcess), DisableParallelization = true)]
public sealed class TwoHostsInOneProcess;

/// <summary>
/// Hangfire keeps its logging in a process-wide static that the last host configured owns. A bot
/// whose neighbour in the process has stopped must still queue the cycle after a proposal (found
/// in CI: "Something went wrong" from the disposed neighbour's LoggerFactory). Runs alone, so no
/// other test's host can take the static over in between.
/// </summary>
[Collection(nameof(TwoHostsInOneProcess))]
public sealed class TwoHostsInOneProcessTests
{
    [Fact]
    public async Task A_proposal_is_saved_and_reported_after_another_host_in_the_process_has_stopped()
    {
        await using var bot = new ConversationBot();
        _ = bot.Server;
        await using (var neighbour = new ConversationBot())
        {
            _ = neighbour.Server;
        }

        var journey = new RatingJourney(bot);
        var card = await journey.ProposeAsync("Amber");

        Assert.Contains("Your proposal of Amber was saved", ConversationBot.TextOf(card));
        Assert.Equal(RatingState.Proposed, (await journey.RatingAsync()).State);
    }
}
