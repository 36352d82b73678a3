using PmfBot.Domain.Storage;

namespace PmfBot.Bot.Storage;

public static class StorageHosting
{
    /// <summary>
    /// PostgreSQL when `ConnectionStrings:Pmf` is set, otherwise SQLite at `Storage:SqlitePath`
    /// (default pmfbot.db; a relative path is taken from the folder the command was typed in,
    /// <see cref="StoragePaths"/>). The schema is prepared by <see cref="TryPrepareStorageAsync"/>.
    /// </summary>
    public static WebApplicationBuilder AddPmfStorage(this WebApplicationBuilder builder)
    {
        var options = ReadOptions(builder.Configuration);
        builder.Services.AddPmfStorage(options);
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<StorageReadiness>();
        builder.Services.AddHostedService<DataVersionListener>();
        return builder;
    }

    public static StorageOptions ReadOptions(IConfiguration configuration) => new()
    {
        PostgresConnectionString = configuration.GetConnectionString("Pmf"),
        SqlitePath = StoragePaths.Resolve(configuration["Storage:SqlitePath"] is { Length: > 0 } path ? path : StoragePaths.DefaultSqliteFile),
    };

    /// <summary>
    /// Brings the database up to date before anything else touches it: before the host starts its
    /// services, and so before Hangfire's storage puts its own schema into the same database
    /// (migrations do not mind other tables; EnsureCreated did, and a first start on an empty
    /// PostgreSQL database failed). `Storage:MigrateOnStart=false` leaves migrating to the DBA
    /// (`migrate`, `migrate --script`): the start then refuses a database that is behind.
    /// </summary>
    /// <returns>False when the database is refused: the reason is logged, without a stack trace, and the bot should exit.</returns>
    public static async Task<bool> TryPrepareStorageAsync(this WebApplication app)
    {
        try
        {
            await PrepareStorageAsync(app);
            return true;
        }
        catch (StorageRefusedException ex)
        {
            app.Logger.LogCritical("PmfBot cannot start on {Store}: {Reason}", app.Services.GetRequiredService<StorageOptions>().Describe(), ex.Message);
            return false;
        }
    }

    private static async Task PrepareStorageAsync(WebApplication app)
    {
        var options = app.Services.GetRequiredService<StorageOptions>();
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(StorageHosting));
        await using var scope = app.Services.CreateAsyncScope();
        var initialiser = scope.ServiceProvider.GetRequiredService<StorageInitialiser>();
        if (!app.Configuration.GetValue("Storage:MigrateOnStart", true) && await initialiser.PendingAsync() is { Count: > 0 } pending)
        {
            throw new StorageRefusedException(
                $"The database needs {pending.Count} migration{(pending.Count == 1 ? "" : "s")} ({string.Join(", ", pending)}) and Storage:MigrateOnStart is false. " +
                "Run `migrate` (or apply `migrate --script`), then start again.");
        }

        var prepared = await initialiser.InitialiseAsync(app.Lifetime.ApplicationStopping);
        logger.LogInformation("Storage ready on {Store}: {Preparation}", options.Describe(), prepared.Describe());
        app.Services.GetRequiredService<StorageReadiness>().MarkReady();
    }
}
