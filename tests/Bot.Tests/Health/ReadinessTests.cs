using System.Net;
using System.Text.Json.Nodes;
using Hangfire;
using Hangfire.Server;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using PmfBot.Bot.Tests.Teams.Support;
using PmfBot.Tests.Support;

namespace PmfBot.Bot.Tests.Health;

/// <summary>/readyz: database, schema and this instance's scheduler, each named in the answer; 503 when any is not ready.</summary>
public sealed class ReadinessTests
{
    [Fact]
    public async Task A_normal_host_running_the_scheduler_is_ready_and_says_so_check_by_check()
    {
        await using var bot = BotApplication.Local(s => s["Scheduler:Role"] = "all");

        var (status, checks) = await ReadyzAsync(bot);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(["database", "schema", "scheduler"], checks.Keys);
        Assert.All(checks.Values, c => Assert.Equal("Healthy", c["status"]!.GetValue<string>()));
        Assert.Equal("No migrations pending.", checks["schema"]["description"]!.GetValue<string>());
        Assert.StartsWith("The scheduler is running", checks["scheduler"]["description"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_web_instance_runs_no_scheduler_and_is_ready_without_one()
    {
        await using var bot = BotApplication.Local(s => s["Scheduler:Role"] = "web");

        var (status, checks) = await ReadyzAsync(bot);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("This instance runs no scheduler (Scheduler:Role is web).", checks["scheduler"]["description"]!.GetValue<string>());
    }

    [Fact]
    public async Task When_this_instances_Hangfire_server_is_not_running_it_is_not_ready_and_names_the_scheduler()
    {
        await using var bot = BotApplication.Local(s => s["Scheduler:Role"] = "worker");
        Assert.Equal(HttpStatusCode.OK, (await ReadyzAsync(bot)).Status);

        // This instance's server is gone from Hangfire's list of servers, as when its process stopped beating and
        // another server's watchdog removed it; a server of another instance still runs.
        var storage = bot.Services.GetRequiredService<JobStorage>();
        var mine = Assert.Single(storage.GetMonitoringApi().Servers()).Name;
        using (var connection = storage.GetConnection())
        {
            connection.RemoveServer(mine);
            connection.AnnounceServer("pmfbot:another-instance:4242:abcdef:4242:" + Guid.NewGuid(), new ServerContext { WorkerCount = 4, Queues = ["default"] });
        }

        var (status, checks) = await ReadyzAsync(bot);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        Assert.Equal("Unhealthy", checks["scheduler"]["status"]!.GetValue<string>());
        Assert.Equal("This instance's scheduler (Hangfire server) is not running.", checks["scheduler"]["description"]!.GetValue<string>());
        Assert.Equal("Healthy", checks["database"]["status"]!.GetValue<string>());
        // /healthz (liveness) is as before: it does not look at the scheduler.
        Assert.Equal(HttpStatusCode.OK, (await bot.CreateClient().GetAsync("/healthz")).StatusCode);
    }

    [Fact]
    public async Task When_the_database_cannot_be_reached_it_is_not_ready_and_names_the_database()
    {
        var database = new PostgresTestDatabase();
        await database.InitializeAsync();
        try
        {
            await using var bot = BotApplication.Local(s =>
            {
                s["ConnectionStrings:Pmf"] = database.ConnectionString;
                s["Scheduler:Role"] = "web";
            });
            Assert.Equal(HttpStatusCode.OK, (await ReadyzAsync(bot)).Status);

            await DropAsync(database);
            var (status, checks) = await ReadyzAsync(bot);

            Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
            Assert.Equal("Unhealthy", checks["database"]["status"]!.GetValue<string>());
            var answer = await (await bot.CreateClient().GetAsync("/readyz")).Content.ReadAsStringAsync();
            Assert.DoesNotContain("pmf_test_", answer); // what failed is named; where the database lives is not
        }
        finally
        {
            await database.DisposeAsync();
        }
    }

    private static async Task<(HttpStatusCode Status, Dictionary<string, JsonObject> Checks)> ReadyzAsync(BotApplication bot)
    {
        var response = await bot.CreateClient().GetAsync("/readyz");
        Assert.Equal("application/json; charset=utf-8", response.Content.Headers.ContentType?.ToString());
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
        Assert.Equal(response.IsSuccessStatusCode ? "Healthy" : "Unhealthy", body["status"]!.GetValue<string>());
        return (response.StatusCode, body["checks"]!.AsArray().ToDictionary(c => c!["name"]!.GetValue<string>(), c => c!.AsObject()));
    }

    /// <summary>The database goes away under the running host (as when the server is lost or the database dropped).</summary>
    private static async Task DropAsync(PostgresTestDatabase database)
    {
        NpgsqlConnection.ClearAllPools();
        await using var server = new NpgsqlConnection(PostgresTestDatabase.ServerConnectionString);
        await server.OpenAsync();
        var name = new NpgsqlConnectionStringBuilder(database.ConnectionString).Database;
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {name} WITH (FORCE)", server);
        await drop.ExecuteNonQueryAsync();
    }
}
