using Microsoft.EntityFrameworkCore;
using PmfBot.Bot.Conversation;
using PmfBot.Bot.Delivery;
using PmfBot.Bot.Storage;
using PmfBot.Bot.Teams;
using PmfBot.Domain.Storage;
using PmfBot.Domain;

namespace PmfBot.Bench.Support;

/// <summary>
/// The bot's own composition (the calls of src/Bot/Program.cs) in this process, not started: the
/// benchmarks resolve the use cases, cards and jobs from it in scopes of their own, exactly as a
/// request or a Hangfire job would. No Hangfire server runs (Scheduler:Role=web); jobs are run directly.
/// </summary>
public sealed class InProcessBot : IAsyncDisposable
{
    private readonly WebApplication _app;

    private InProcessBot(WebApplication app) => _app = app;

    public IServiceProvider Services => _app.Services;

    /// <param name="clock">Replaces the host's clock (the campaign runs on the day returns open).</param>
    /// <param name="counter">Counts every database command of every context the host creates.</param>
    public static InProcessBot Build(string connectionString, IDictionary<string, string?>? settings = null, TimeProvider? clock = null, RoundTripCounter? counter = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Production", ContentRootPath = AppContext.BaseDirectory });
        builder.Configuration.Sources.Clear();
        var values = new Dictionary<string, string?>
        {
            ["ConnectionStrings:Pmf"] = connectionString,
            ["Demo:Seed"] = "false",
            ["Scheduler:Role"] = "web",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }

        builder.Configuration.AddInMemoryCollection(values);
        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole(o => { o.SingleLine = true; o.TimestampFormat = "HH:mm:ss.ffffff "; }).SetMinimumLevel(LogLevel.Error);
        if (Environment.GetEnvironmentVariable("BENCH_SQL_LOG") == "1")
        {
            // Diagnosis: every command with its time on the server, as EF Core logs it.
            builder.Logging.AddFilter("Microsoft.EntityFrameworkCore.Database.Command", LogLevel.Information);
        }

        if (Environment.GetEnvironmentVariable("BENCH_QUERY_LOG") == "1")
        {
            // Diagnosis: EF Core logs each query it compiles; in a warm process there should be none.
            builder.Logging.AddFilter("Microsoft.EntityFrameworkCore.Query", LogLevel.Debug);
        }

        builder.AddStorage();
        builder.AddDomain();
        builder.AddTeams();
        builder.AddConversation();
        builder.AddDelivery();
        if (clock is not null)
        {
            builder.Services.AddSingleton(clock);
        }

        if (counter is not null)
        {
            builder.Services.ConfigurePmfDbContext(options => options.AddInterceptors(counter));
        }

        return new InProcessBot(builder.Build());
    }

    /// <summary>Runs <paramref name="use"/> with a service of a fresh scope, as one request would.</summary>
    public async Task<TResult> InScopeAsync<TService, TResult>(Func<TService, Task<TResult>> use)
        where TService : notnull
    {
        await using var scope = _app.Services.CreateAsyncScope();
        return await use(scope.ServiceProvider.GetRequiredService<TService>());
    }

    public async Task<TResult> InScopeAsync<TResult>(Func<IServiceProvider, Task<TResult>> use)
    {
        await using var scope = _app.Services.CreateAsyncScope();
        return await use(scope.ServiceProvider);
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();
}
