using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using PmfBot.Bot.Teams.Configuration;
using PmfBot.Domain.Calendar;
using PmfBot.Domain.Demo;
using PmfBot.Domain.Settings;
using PmfBot.Domain.Storage;

namespace PmfBot.Bot.Demo;

public static class DemoSetup
{
    /// <summary>
    /// Seeds the demo council (<see cref="DemoCouncil"/>) on start when the database has no board
    /// yet. `Demo:Seed` decides: by default true on the embedded SQLite store and false on
    /// PostgreSQL. Runs after the storage is prepared and before requests are served. In local mode
    /// the clock is the <see cref="DemoClock"/> (`Demo:Today` sets its first day).
    /// </summary>
    public static WebApplicationBuilder AddDemo(this WebApplicationBuilder builder)
    {
        builder.Services.AddSettings<DemoOptions>(DemoOptions.Section);
        builder.Services.AddHostedService<DemoSeeding>();
        if (string.IsNullOrWhiteSpace(builder.Configuration.ReadSettings<BotOptions>(BotOptions.SectionName).AppId))
        {
            // Local mode only: a real deployment never runs on a shifted clock.
            var clock = new DemoClock(TimeProvider.System, DemoClock.ParseStart(builder.Configuration.ReadSettings<DemoOptions>(DemoOptions.Section).Today));
            builder.Services.Replace(ServiceDescriptor.Singleton<TimeProvider>(clock));
        }

        return builder;
    }
}

internal sealed class DemoSeeding(
    IServiceScopeFactory scopes,
    StorageOptions options,
    IOptions<DemoOptions> settings,
    TimeProvider clock,
    ILogger<DemoSeeding> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!(settings.Value.Seed ?? !options.UsesPostgres))
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
