using PmfBot.Domain.Settings;
using PmfBot.Domain.Storage;

namespace PmfBot.Bot.Storage;

public static class StorageSetup
{
    /// <summary>
    /// PostgreSQL when `ConnectionStrings:Pmf` is set, otherwise SQLite at `Storage:SqlitePath`
    /// (default pmfbot.db; a relative path is taken from the folder the command was typed in,
    /// <see cref="StoragePaths"/>). The schema is prepared by <see cref="TryPrepareStorageAsync"/>.
    /// </summary>
    public static WebApplicationBuilder AddStorage(this WebApplicationBuilder builder)
    {
        // Read before the container exists: the provider decides which context is registered.
        var options = ReadOptions(builder.Configuration);
        builder.Services.AddSettings<StorageOptions>(StorageOptions.Section).PostConfigure(o => Complete(o, builder.Configuration));
        builder.Services.AddDatabase(options);
        builder.Services.AddSingleton<StorageReadiness>();
        builder.Services.AddHostedService<DataVersionListener>();
        return builder;
    }

    /// <summary>The `Storage` section with the `Pmf` connection string; the import and migrate verbs read it the same way.</summary>
    public static StorageOptions ReadOptions(IConfiguration configuration) =>
        Complete(configuration.ReadSettings<StorageOptions>(StorageOptions.Section), configuration);

    private static StorageOptions Complete(StorageOptions options, IConfiguration configuration)
    {
        options.PostgresConnectionString = configuration.GetConnectionString("Pmf");
        options.SqlitePath = StoragePaths.Resolve(string.IsNullOrWhiteSpace(options.SqlitePath) ? StoragePaths.DefaultSqliteFile : options.SqlitePath);
        return options;
    }

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
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(StorageSetup));
        await using var scope = app.Services.CreateAsyncScope();
        var initialiser = scope.ServiceProvider.GetRequiredService<StorageInitialiser>();
        if (!options.MigrateOnStart && await initialiser.PendingAsync() is { Count: > 0 } pending)
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
