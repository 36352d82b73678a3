using PmfBot.Domain.Storage;

namespace PmfBot.Bot.Storage;

public static class StorageHosting
{
    /// <summary>
    /// PostgreSQL when `ConnectionStrings:Pmf` is set, otherwise SQLite at `Storage:SqlitePath`
    /// (default pmfbot.db in the working directory). The schema is prepared before the host
    /// serves anything.
    /// </summary>
    public static WebApplicationBuilder AddPmfStorage(this WebApplicationBuilder builder)
    {
        var options = ReadOptions(builder.Configuration);
        builder.Services.AddPmfStorage(options);
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<StorageReadiness>();
        builder.Services.AddHostedService<StorageStartup>();
        builder.Services.AddHostedService<DataVersionListener>();
        return builder;
    }

    public static StorageOptions ReadOptions(IConfiguration configuration) => new()
    {
        PostgresConnectionString = configuration.GetConnectionString("Pmf"),
        SqlitePath = configuration["Storage:SqlitePath"] is { Length: > 0 } path ? path : "pmfbot.db",
    };
}
