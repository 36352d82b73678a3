using Hangfire;
using Hangfire.Common;
using Hangfire.States;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using PmfBot.Bot.Tests.Support;
using PmfBot.Domain.RagRatings;
using PmfBot.Domain.Ratings;

namespace PmfBot.Bot.Tests.Ratings;

/// <summary>
/// After a proposal or a decision is saved the bot queues the cycle at once, so the chair or the
/// lead hears now rather than at the next quarter-hour. When the job storage is down, the change
/// still stands and the person must be told it was saved, not "nothing was saved".
/// </summary>
public sealed class SchedulerUnavailableTests : IAsyncLifetime
{
    private readonly RefusingJobClient _jobs = new();
    private readonly ConversationBot _bot;
    private readonly RatingJourney _journey;

    public SchedulerUnavailableTests()
    {
        _bot = new ConversationBot(alsoServices: s => s.Replace(ServiceDescriptor.Singleton<IBackgroundJobClient>(_jobs)));
        _journey = new RatingJourney(_bot);
    }

    public Task InitializeAsync()
    {
        _ = _bot.Server;
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    [Fact]
    public async Task A_proposal_saved_while_the_job_storage_is_down_is_reported_saved()
    {
        var card = await _journey.ProposeAsync("Amber");

        var text = ConversationBot.TextOf(card);
        Assert.Contains("Your proposal of Amber was saved", text);
        Assert.DoesNotContain("Nothing was saved", text);
        Assert.Equal((RatingState.Proposed, Rag.Amber), ((await _journey.RatingAsync()).State, (await _journey.RatingAsync()).ProposedRag));
        Assert.True(_jobs.Refused > 0);
    }

    [Fact]
    public async Task A_chairs_approval_saved_while_the_job_storage_is_down_is_reported_saved()
    {
        await _journey.ProposeAsync("Amber");
        var refusedBefore = _jobs.Refused;

        var card = await _journey.ClickAsync(RatingJourney.Chair, "rating.approve");

        Assert.Contains("You approved Amber", ConversationBot.TextOf(card));
        var rating = await _journey.RatingAsync();
        Assert.Equal((RatingState.Approved, Rag.Amber), (rating.State, rating.FinalRag));
        Assert.True(_jobs.Refused > refusedBefore);
    }

    /// <summary>A Hangfire client whose storage is unreachable, as when its database is down.</summary>
    private sealed class RefusingJobClient : IBackgroundJobClient
    {
        private int _refused;

        public int Refused => _refused;

        public string Create(Job job, IState state)
        {
            Interlocked.Increment(ref _refused);
            throw new InvalidOperationException("Job storage unavailable (test)");
        }

        public bool ChangeState(string jobId, IState state, string expectedState) =>
            throw new InvalidOperationException("Job storage unavailable (test)");
    }
}
