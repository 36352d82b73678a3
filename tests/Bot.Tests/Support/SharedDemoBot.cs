namespace PmfBot.Bot.Tests.Support;

/// <summary>
/// One demo-council bot for every test of a class (<c>IClassFixture&lt;SharedDemoBot&gt;</c>): xunit runs
/// a class's tests one after another, so each test calls <see cref="ConversationBot.ResetAsync"/> first
/// (in InitializeAsync) and starts from the council as seeded, at <see cref="ConversationBot.DemoDay"/>.
/// A test that needs a bot of its own (faults, an empty or PostgreSQL database, the demo clock) starts one.
/// </summary>
public sealed class SharedDemoBot : IAsyncLifetime
{
    public ConversationBot Bot { get; } = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await Bot.DisposeAsync();
}
