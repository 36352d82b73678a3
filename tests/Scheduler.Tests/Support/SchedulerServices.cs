using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using PmfBot.Domain;
using PmfBot.Domain.Calendar;
using PmfBot.Domain.Nudges;
using PmfBot.Domain.PlainEnglish;
using PmfBot.Domain.Storage;
using PmfBot.Scheduler.Delivery;
using PmfBot.Scheduler.Hosting;
using PmfBot.Scheduler.Jobs;
using PmfBot.Tests.Support;

namespace PmfBot.Scheduler.Tests.Support;

/// <summary>
/// The scheduler as the host composes it (storage, use cases, AddScheduler), on a test
/// database and a test clock, with a recording delivery. The jobs are run directly; a host
/// (<see cref="BuildHost"/>) also runs Hangfire.
/// </summary>
public static class SchedulerServices
{
    public static Dictionary<string, string?> Settings(TestDatabase database, bool hangfireOnPostgres = false) => new()
    {
        ["ConnectionStrings:Pmf"] = hangfireOnPostgres ? ((PostgresTestDatabase)database).ConnectionString : null,
        ["Scheduler:PollInterval"] = "00:00:00.5",
        ["Scheduler:Delivery:MaxParallelConversations"] = database is SqliteTestDatabase ? "4" : "16",
    };

    public static ServiceProvider Build(TestDatabase database, TimeProvider clock, IOutboxDelivery delivery, Action<Dictionary<string, string?>>? configure = null, Action<IServiceCollection>? also = null)
    {
        var services = new ServiceCollection();
        Compose(services, Configuration(database, configure), database, clock, delivery);
        also?.Invoke(services);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = false });
    }

    public static IHost BuildHost(TestDatabase database, TimeProvider clock, IOutboxDelivery delivery, Action<Dictionary<string, string?>>? configure = null, Action<IServiceCollection>? also = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        var configuration = Configuration(database, configure);
        builder.Configuration.AddConfiguration(configuration);
        Compose(builder.Services, configuration, database, clock, delivery);
        also?.Invoke(builder.Services);
        return builder.Build();
    }

    /// <summary>Runs the cycle job, then the delivery job, each in a scope of its own, as Hangfire would.</summary>
    public static async Task<(CycleJob.Result Cycle, DeliverOutboxJob.Result Delivery)> RunCycleAndDeliverAsync(this IServiceProvider services)
    {
        CycleJob.Result cycle;
        await using (var scope = services.CreateAsyncScope())
        {
            cycle = await scope.ServiceProvider.GetRequiredService<CycleJob>().RunAsync(CancellationToken.None);
        }

        return (cycle, await services.DeliverAsync());
    }

    public static async Task<DeliverOutboxJob.Result> DeliverAsync(this IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<DeliverOutboxJob>().RunAsync(CancellationToken.None);
    }

    /// <summary>A use case (or any scoped service) in a scope of its own.</summary>
    public static async Task<TResult> WithAsync<TService, TResult>(this IServiceProvider services, Func<TService, Task<TResult>> use)
        where TService : notnull
    {
        await using var scope = services.CreateAsyncScope();
        return await use(scope.ServiceProvider.GetRequiredService<TService>());
    }

    private static IConfiguration Configuration(TestDatabase database, Action<Dictionary<string, string?>>? configure)
    {
        var settings = Settings(database);
        configure?.Invoke(settings);
        return new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
    }

    private static void Compose(IServiceCollection services, IConfiguration configuration, TestDatabase database, TimeProvider clock, IOutboxDelivery delivery)
    {
        services.AddLogging();
        services.AddSingleton(TestLogging.Shared);
        services.AddSingleton(configuration);
        services.AddSingleton(clock);
        services.AddDatabase(database.Options);
        services.AddDomain();
        services.AddScheduler(configuration);
        services.AddSingleton(delivery);
    }
}
