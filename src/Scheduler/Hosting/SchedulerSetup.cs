using Hangfire;
using Hangfire.AspNetCore;
using Hangfire.InMemory;
using Hangfire.PostgreSql;
using Hangfire.PostgreSql.Factories;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using PmfBot.Scheduler.Cycle;
using PmfBot.Scheduler.Graph;
using PmfBot.Scheduler.Jobs;
using PmfBot.Scheduler.Telemetry;

using PmfBot.Domain.Settings;

namespace PmfBot.Scheduler.Hosting;

public static class SchedulerSetup
{
    /// <summary>The schema Hangfire keeps its jobs in, beside PmfBot's tables in the same database.</summary>
    public const string HangfireSchema = "hangfire";

    /// <summary>
    /// Hangfire and the cycle. Storage: Hangfire.PostgreSql when `ConnectionStrings:Pmf` is set
    /// (schema prepared on start), otherwise Hangfire.InMemory (the embedded default: the cycle's
    /// own state is in the PmfBot database, so nothing is lost when the process restarts). A
    /// Hangfire server runs unless `Scheduler:Role` is `web`. The bot registers
    /// <see cref="Delivery.IOutboxDelivery"/>. Needs the domain (storage and use cases) and a
    /// <see cref="TimeProvider"/> registered by the host.
    /// </summary>
    public static IServiceCollection AddScheduler(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSettings<SchedulerOptions>(SchedulerOptions.Section);
        // Read now as well: the role decides whether a Hangfire server is registered.
        var options = configuration.ReadSettings<SchedulerOptions>(SchedulerOptions.Section);

        services.AddMetrics();
        services.AddSingleton<SchedulerMetrics>();
        services.AddGraph(configuration);
        services.AddScoped<CycleStateStore>();
        services.AddScoped<CyclePlanner>();
        services.AddScoped<CyclePreview>();
        services.AddScoped<CycleControl>();
        services.AddScoped<CycleJob>();
        services.AddScoped<DeliverOutboxJob>();
        services.AddScoped<LinkTeamsAccountsJob>();
        services.AddScoped<Graph.ResolveTeamsAccounts>();

        // The storage is this provider's own singleton, not Hangfire's static JobStorage.Current,
        // so two hosts in one process (the tests) never share or swap it.
        var connectionString = configuration.GetConnectionString("Pmf");
        services.AddSingleton<JobStorage>(sp =>
        {
            // Hangfire's configuration first: it points Hangfire's logging at this host's loggers.
            sp.GetRequiredService<IGlobalConfiguration>();
            return string.IsNullOrWhiteSpace(connectionString) ? new InMemoryStorage() : PostgresStorage(connectionString, options);
        });
        // Likewise the job activator: Hangfire's default is the static JobActivator.Current,
        // which the last host configured would win.
        services.AddSingleton<JobActivator>(sp => new AspNetCoreJobActivator(sp.GetRequiredService<IServiceScopeFactory>()));
        services.AddHangfire((sp, c) => c
            .UseLogProvider(new HostBoundLogProvider(sp.GetRequiredService<Microsoft.Extensions.Logging.ILoggerFactory>()))
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings());
        services.AddHostedService<HangfireStorageStartup>();

        // Known to the readiness check, which looks for this instance's own server among Hangfire's.
        var serverName = new HangfireServerName($"pmfbot:{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid().ToString("N")[..6]}");
        services.AddSingleton(serverName);
        if (options.RunsServer)
        {
            services.AddHangfireServer((sp, server) =>
            {
                var settings = sp.GetRequiredService<IOptions<SchedulerOptions>>().Value;
                server.WorkerCount = settings.WorkerCount;
                server.SchedulePollingInterval = settings.PollInterval;
                server.ServerName = serverName.Value;
            });
            services.AddHostedService<RecurringJobsRegistration>();
        }

        return services;
    }

    /// <summary>The same, for a host builder: `builder.AddScheduler()`.</summary>
    public static TBuilder AddScheduler<TBuilder>(this TBuilder builder)
        where TBuilder : IHostApplicationBuilder
    {
        builder.Services.AddScheduler(builder.Configuration);
        return builder;
    }

    /// <remarks>
    /// Resilient startup is off (no startup retries, no degraded mode): PmfBot's own storage
    /// startup already stops the host when PostgreSQL is unreachable, and a scheduler that
    /// started without its storage would look healthy while never running the cycle. The
    /// orchestrator restarts the process instead.
    /// </remarks>
    private static PostgreSqlStorage PostgresStorage(string connectionString, SchedulerOptions options)
    {
        var storage = new PostgreSqlStorageOptions
        {
            SchemaName = HangfireSchema,
            PrepareSchemaIfNecessary = true,
            QueuePollInterval = options.PollInterval,
            StartupConnectionMaxRetries = 0,
            AllowDegradedModeWithoutStorage = false,
            UseSlidingInvisibilityTimeout = true,
        };
        // Hangfire.PostgreSql's installer is not safe for two instances at once: two hosts starting
        // together on an empty database failed with 42703 and 23505 as both created its tables. The
        // instances take turns under an advisory lock, as PmfBot's own migrations do.
        using var turn = new Npgsql.NpgsqlConnection(connectionString);
        turn.Open();
        using (var take = new Npgsql.NpgsqlCommand($"SELECT pg_advisory_lock({HangfireInstallLock})", turn))
        {
            take.ExecuteNonQuery();
        }

        try
        {
            return new PostgreSqlStorage(new NpgsqlConnectionFactory(connectionString, storage, null), storage);
        }
        finally
        {
            using var release = new Npgsql.NpgsqlCommand($"SELECT pg_advisory_unlock({HangfireInstallLock})", turn);
            release.ExecuteNonQuery();
        }
    }

    private const long HangfireInstallLock = 0x504D_4642_4846; // "PMFBHF"
}

/// <summary>Creates the storage (and so prepares Hangfire's schema) as the host starts, whatever the role.</summary>
internal sealed class HangfireStorageStartup(JobStorage storage) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        // Resolving the storage prepared it; touching a connection proves it works.
        using var connection = storage.GetConnection();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
