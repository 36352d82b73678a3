using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace PmfBot.Domain.Storage;

public static class StorageSetup
{
    public static IServiceCollection AddPmfStorage(this IServiceCollection services, StorageOptions options)
    {
        services.AddSingleton(options);
        services.AddSingleton<DataVersionWatch>();
        // Pooled: a context per request is taken from the pool and handed back when the request's scope
        // ends, instead of EF building one (and looking up its internal services) every time.
        services.AddPooledDbContextFactory<PmfDbContext>(builder => UseStore(builder, options));
        services.AddScoped(sp =>
        {
            var db = sp.GetRequiredService<IDbContextFactory<PmfDbContext>>().CreateDbContext();
            db.Watch = sp.GetRequiredService<DataVersionWatch>();
            return db;
        });
        services.AddScoped<StorageInitialiser>();
        return services;
    }

    public static TBuilder UseStore<TBuilder>(TBuilder builder, StorageOptions options)
        where TBuilder : DbContextOptionsBuilder =>
        options.UsesPostgres
            ? (TBuilder)builder.UseNpgsql(options.PostgresConnectionString)
            : (TBuilder)builder.UseSqlite($"Data Source={options.SqlitePath};Pooling=True;Default Timeout=30");

    /// <summary>A context outside dependency injection (the import verb, tests, benchmarks).</summary>
    public static PmfDbContext CreateContext(StorageOptions options) =>
        new(UseStore(new DbContextOptionsBuilder<PmfDbContext>(), options).Options);
}
