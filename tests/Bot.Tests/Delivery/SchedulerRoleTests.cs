using System.Net;
using System.Net.Http.Json;
using PmfBot.Bot.Tests.Teams.Support;

namespace PmfBot.Bot.Tests.Delivery;

public sealed class SchedulerRoleTests
{
    [Theory]
    [InlineData("worker", HttpStatusCode.NotFound)]
    [InlineData("web", HttpStatusCode.BadRequest)]
    public async Task A_worker_serves_health_but_no_Teams_traffic(string role, HttpStatusCode messages)
    {
        await using var bot = BotApplication.Local(settings => settings["Scheduler:Role"] = role);
        var client = bot.CreateClient();

        var health = await client.GetAsync("/healthz");
        var teams = await client.PostAsJsonAsync("/api/messages", new { });

        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Equal(messages, teams.StatusCode);
    }
}
