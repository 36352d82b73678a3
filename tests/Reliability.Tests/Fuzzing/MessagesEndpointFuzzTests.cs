using PmfBot.Tests.Support;
using PmfBot.Reliability.Tests.Support;
using Xunit.Abstractions;

namespace PmfBot.Reliability.Tests.Fuzzing;

/// <summary>
/// /api/messages and the card invokes under 1,000+ generated hostile activities (wrong types,
/// numbers as strings, huge strings, deep JSON, invalid Unicode, nulls, missing ids, unknown
/// types, duplicate keys, NaN and Infinity, malformed dates, out-of-range card inputs): never a
/// 5xx, never a stack trace, never a crash, never a partial write. See docs/reliability.md.
/// </summary>
public sealed class MessagesEndpointFuzzTests(ITestOutputHelper output)
{
    private const int MaxBodyBytes = 262_144;

    [Fact]
    public async Task A_thousand_hostile_activities_in_local_mode_get_clear_answers_and_leave_nothing_half_written()
    {
        await using var bot = new BotUnderTest(new SqliteTestDatabase());
        var seed = FuzzRun.Seed(20251124);
        var run = new FuzzRun(bot, new HostileActivities(seed, await FuzzTemplates.GatherAsync(bot), MaxBodyBytes));

        await run.RunAsync(FuzzRun.Indexes(1_040), seed);

        run.Report(output, $"Local mode, SQLite, seed {seed}");
        Assert.True(run.Failures.Count == 0, string.Join("\n", run.Failures.Take(20)));
    }

    [Fact]
    public async Task Hostile_bodies_with_properly_signed_tokens_get_clear_answers_and_leave_nothing_half_written()
    {
        var key = new TestSigningKey("fuzz-key", "msteams");
        using var identity = new FakeBotConnectorIdentity(key);
        var settings = new Dictionary<string, string?>
        {
            ["Bot:AppId"] = AppId,
            ["Bot:AppPassword"] = "fuzz-secret-not-real",
            ["Bot:OpenIdMetadataUrl"] = identity.MetadataUrl,
            ["Bot:AllowedTenants:0"] = BotUnderTest.TenantId,
        };
        await using var bot = new BotUnderTest(new SqliteTestDatabase(), settings);
        var seed = FuzzRun.Seed(20251125);
        // The body is under test, not the token: every case carries a valid one naming the bot's serviceUrl.
        var token = new TestToken { Key = key, Audience = AppId, ServiceUrl = bot.ServiceUrl }.Create();
        var run = new FuzzRun(bot, new HostileActivities(seed, await FuzzTemplates.GatherAsync(bot, token), MaxBodyBytes), _ => token);

        await run.RunAsync(FuzzRun.Indexes(156), seed);

        run.Report(output, $"Authenticated mode (signed JWTs), SQLite, seed {seed}");
        Assert.True(run.Failures.Count == 0, string.Join("\n", run.Failures.Take(20)));
    }

    [Fact]
    public async Task Hostile_activities_on_PostgreSQL_get_clear_answers_and_leave_nothing_half_written()
    {
        var database = new PostgresTestDatabase();
        await database.InitializeAsync();
        await using var bot = new BotUnderTest(database);
        var seed = FuzzRun.Seed(20251126);
        var run = new FuzzRun(bot, new HostileActivities(seed, await FuzzTemplates.GatherAsync(bot), MaxBodyBytes));

        await run.RunAsync(FuzzRun.Indexes(156), seed);

        run.Report(output, $"Local mode, PostgreSQL, seed {seed}");
        Assert.True(run.Failures.Count == 0, string.Join("\n", run.Failures.Take(20)));
    }

    private const string AppId = "5f1c8e3a-0b7d-4c2e-9a61-2d4f7b9e0c13";
}
