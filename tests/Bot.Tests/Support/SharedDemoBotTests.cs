namespace PmfBot.Bot.Tests.Support;

/// <summary>
/// A test class on the class's one <see cref="SharedDemoBot"/>: before each test the bot goes back to the
/// council as seeded, at the demo day, so the class states only what it tests. A class that needs more
/// before each test overrides <see cref="InitializeAsync"/> and awaits the base first.
/// </summary>
public abstract class SharedDemoBotTests(SharedDemoBot shared) : IClassFixture<SharedDemoBot>, IAsyncLifetime
{
    protected ConversationBot Bot { get; } = shared.Bot;

    public virtual Task InitializeAsync() => Bot.ResetAsync();

    /// <summary>Nothing: the fixture disposes the bot after the class's last test.</summary>
    public Task DisposeAsync() => Task.CompletedTask;
}
