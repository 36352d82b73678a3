using Microsoft.Extensions.DependencyInjection.Extensions;
using PmfBot.Domain.Calendar;
using PmfBot.Domain.Demo;
using PmfBot.Domain.Storage;

namespace PmfBot.Bot.Demo;

public static class DemoHosting
{
    /// <summary>
    /// Seeds the demo council (<see cref="DemoCouncil"/>) on start when the database has no board
    /// yet. `Demo:Seed` decides: by default true on the embedded SQLite store and false on
    /// PostgreSQL. Runs after the storage is prepared and before requests are served. In local mode
    /// the clock is the <see cref="DemoClock"/> (`Demo:Today` sets its first day).
    /// </summary>
    public static WebApplicationBuilder AddDemoCouncil(this WebApplicationBuilder builder)
    {
        builder.Services.AddHostedService<DemoSeeding>();
        if (string.IsNullOrWhiteSpace(builder.Configuration["Bot:AppId"]))
        {
            // Local mode only: a real deployment never runs on a shifted clock.
            var clock = new DemoClock(TimeProvider.System, DemoClock.ParseStart(builder.Configuration["Demo:Today"]));
            builder.Services.Replace(ServiceDescriptor.Singleton<TimeProvider>(clock));
        }

        return builder;
    }
}

internal sealed class DemoSeeding(
    IServiceScopeFactory scopes,
    StorageOptions options,
    IConfiguration configuration,
    TimeProvider clock,
    ILogger<DemoSeeding> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!configuration.GetValue("Demo:Seed", !options.UsesPostgres))
        {
            return;
        }

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PmfDbContext>();
        var calendar = scope.ServiceProvider.GetService<ReturnCalendar>();
        if (await DemoCouncil.SeedAsync(db, clock, calendar, cancellationToken))
        {
            logger.LogInformation(
                "Seeded the demo council ({Council}); its current quarter is {Quarter}. Set Demo:Seed=false to start empty.",
                DemoCouncil.CouncilName,
                DemoCouncil.CurrentQuarter(UkTime.Today(clock), calendar).Label);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
