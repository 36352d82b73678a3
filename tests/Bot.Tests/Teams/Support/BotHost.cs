using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using PmfBot.Bot.Storage;
using PmfBot.Bot.Teams;
using PmfBot.Domain.Storage;
using PmfBot.Domain;
using PmfBot.Tests.Support;

namespace PmfBot.Bot.Tests.Teams.Support;

/// <summary>
/// Starts the bot's composition (AddTeams, MapTeams) on real Kestrel, to see whether it starts at all.
/// Used for the "stops at start" tests, where WebApplicationFactory races with the failing host.
/// </summary>
public static class BotHost
{
    public static async Task<Exception?> TryStartAsync(Dictionary<string, string?> settings, CapturedLogs? logs = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Test" });
        builder.Configuration.Sources.Clear();
        builder.Configuration.AddInMemoryCollection(settings);
        if (settings.TryGetValue("urls", out var urls) && urls is not null)
            builder.WebHost.UseUrls(urls.Split(';'));
        else
            builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        if (logs is not null)
            builder.Logging.AddProvider(logs);
        var database = new SqliteTestDatabase();
        builder.Services.AddDatabase(database.Options);
        builder.AddDomain();
        builder.AddTeams();
        await using var app = builder.Build();
        app.MapTeams();
        try
        {
            await app.StartAsync();
            await app.StopAsync();
            return null;
        }
        catch (Exception ex)
        {
            return ex;
        }
        finally
        {
            await database.DisposeAsync();
        }
    }
}
