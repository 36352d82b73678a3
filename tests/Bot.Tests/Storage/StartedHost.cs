using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Logging;
using PmfBot.Bot.Tests.Teams.Support;
using PmfBot.Tests.Support;

namespace PmfBot.Bot.Tests.Storage;

/// <summary>
/// The real bot (Program) on a database exactly as the test left it: nothing prepared beforehand,
/// the demo off, a Hangfire server on PostgreSQL unless <paramref name="role"/> says otherwise.
/// </summary>
internal sealed class StartedHost(TestDatabase database, string role = "all") : WebApplicationFactory<Program>
{
    public CapturedLogs Logs { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.ConfigureLogging(logging => logging.AddProvider(Logs));
        builder.UseSetting("ConnectionStrings:Pmf", database.Options.PostgresConnectionString ?? "");
        builder.UseSetting("Storage:SqlitePath", database.Options.SqlitePath);
        builder.UseSetting("Demo:Seed", "false");
        builder.UseSetting("Scheduler:Role", role);
    }
}
