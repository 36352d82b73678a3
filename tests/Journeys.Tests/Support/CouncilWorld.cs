using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using PmfBot.Domain.Storage;
using PmfBot.Tests.Support;

namespace PmfBot.Journeys.Tests.Support;

/// <summary>
/// The world the journeys happen in: a fresh PostgreSQL database, the real bot on it (demo council,
/// demo clock on <see cref="BotProcess.DemoDay"/>), and four people each in their own Teams, that is
/// their own Agents Playground: Kate Hughes (indicator owner), Dr Aisha Rahman (lead officer),
/// Cllr Rosa Whitfield (chair of the Health and Wellbeing Board, in its channel) and Cllr Paul Oduya
/// (scrutiny member, in his scrutiny board's channel). The owner's, chair's and scrutiny member's
/// playgrounds are open in a headless browser so their screens can be photographed.
/// </summary>
public sealed class CouncilWorld : IAsyncLifetime
{
    private readonly PostgresTestDatabase _database = new();
    private readonly List<string> _durations = [];

    public BotProcess Bot { get; private set; } = null!;

    public Playground Owner { get; private set; } = null!;

    public Playground Lead { get; private set; } = null!;

    public Playground Chair { get; private set; } = null!;

    public Playground Scrutiny { get; private set; } = null!;

    public Camera Camera { get; private set; } = null!;

    public PmfDbContext Database() => _database.NewContext();

    public async Task InitializeAsync()
    {
        var clock = Stopwatch.StartNew();
        await _database.InitializeAsync();
        Bot = await BotProcess.StartAsync(_database.ConnectionString);
        var started = await Task.WhenAll(
            Playground.StartAsync("owner", Bot.MessagesEndpoint),
            Playground.StartAsync("lead", Bot.MessagesEndpoint),
            Playground.StartAsync("chair", Bot.MessagesEndpoint),
            Playground.StartAsync("scrutiny", Bot.MessagesEndpoint));
        (Owner, Lead, Chair, Scrutiny) = (started[0], started[1], started[2], started[3]);
        Camera = await Camera.StartAsync();

        // Opening the web UI installs the app for that person (the playground sends installationUpdate),
        // as Teams does; the lead has no screen here, so she says hello instead.
        foreach (var person in new[] { Owner, Chair, Scrutiny })
        {
            await Camera.OpenAsync(person);
        }

        await Lead.AskAsync("help");
        await Chair.AddBotToChannelAsync();
        await Scrutiny.AddBotToChannelAsync();
        await WaitForReferencesAsync(6);
        Record("Setting up: PostgreSQL database, bot (demo council seeded), four playgrounds, browser", clock.Elapsed);
    }

    /// <summary>Notes how long a journey took; written to artifacts/journeys/durations.txt at the end.</summary>
    public void Record(string journey, TimeSpan took)
    {
        lock (_durations)
        {
            _durations.Add($"{took.TotalSeconds,6:0.0} s  {journey}");
        }
    }

    public async Task DisposeAsync()
    {
        await File.WriteAllLinesAsync(Path.Combine(Repository.Artefacts, "durations.txt"), _durations);
        if (Bot is not null)
        {
            await File.WriteAllTextAsync(Path.Combine(Repository.Artefacts, "bot.log"), Bot.Log);
        }

        foreach (var person in new[] { Owner, Lead, Chair, Scrutiny }.Where(p => p is not null))
        {
            await File.WriteAllTextAsync(Path.Combine(Repository.Artefacts, $"playground-{person.Persona}.log"), person.Log);
            await person.DisposeAsync();
        }

        if (Camera is not null)
        {
            await Camera.DisposeAsync();
        }

        if (Bot is not null)
        {
            await Bot.DisposeAsync();
        }

        await _database.DisposeAsync();
    }

    /// <summary>The bot records where it can reach people and channels as their activities arrive; wait for all of them.</summary>
    private async Task WaitForReferencesAsync(int expected)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            await using var db = Database();
            var count = await db.ConversationReferences.CountAsync();
            if (count >= expected)
            {
                return;
            }

            if (clock.Elapsed > TimeSpan.FromSeconds(30))
            {
                throw new TimeoutException($"The bot knows {count} of the {expected} conversations the playgrounds opened.\n{Bot.Log}");
            }

            await Task.Delay(250);
        }
    }
}

[CollectionDefinition(Name)]
public sealed class CouncilWorldCollection : ICollectionFixture<CouncilWorld>
{
    public const string Name = "A council's quarter";
}
