using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PmfBot.Domain.Storage.Migrations;

namespace PmfBot.Domain.Storage;

public static class DatabaseSetup
{
    public static IServiceCollection AddDatabase(this IServiceCollection services, StorageOptions options)
    {
        services.AddSingleton(options);
        services.AddSingleton<DataVersionWatch>();
        if (options.UsesPostgres)
        {
            AddContext<PostgresPmfDbContext>(services, options);
        }
        else
        {
            AddContext<SqlitePmfDbContext>(services, options);
        }

        services.AddScoped<StorageInitialiser>();
        return services;
    }

    // Pooled: a context per request is taken from the pool and handed back when the request's scope
    // ends, instead of EF building one (and looking up its internal services) every time. The pool
    // holds the provider's own context type (which knows its migrations); everyone asks for PmfDbContext.
    private static void AddContext<TContext>(IServiceCollection services, StorageOptions options)
        where TContext : PmfDbContext
    {
        services.AddPooledDbContextFactory<TContext>(builder => UseStore(builder, options));
        services.AddScoped<PmfDbContext>(sp =>
        {
            var db = sp.GetRequiredService<IDbContextFactory<TContext>>().CreateDbContext();
            db.Watch = sp.GetRequiredService<DataVersionWatch>();
            return db;
        });
    }

    /// <summary>More options for PmfBot's context, whichever provider it is on (tests and benchmarks add interceptors).</summary>
    public static IServiceCollection ConfigurePmfDbContext(this IServiceCollection services, Action<DbContextOptionsBuilder> configure)
    {
        services.ConfigureDbContext<SqlitePmfDbContext>(configure);
        services.ConfigureDbContext<PostgresPmfDbContext>(configure);
        return services;
    }

    public static TBuilder UseStore<TBuilder>(TBuilder builder, StorageOptions options)
        where TBuilder : DbContextOptionsBuilder =>
        options.UsesPostgres
            ? (TBuilder)builder.UseNpgsql(options.PostgresConnectionString)
            : (TBuilder)builder.UseSqlite($"Data Source={options.SqlitePath};Pooling=True;Default Timeout=30");

    /// <summary>A context outside dependency injection (the import and migrate verbs, tests, benchmarks).</summary>
    public static PmfDbContext CreateContext(StorageOptions options) =>
        options.UsesPostgres
            ? new PostgresPmfDbContext(UseStore(new DbContextOptionsBuilder<PostgresPmfDbContext>(), options).Options)
            : new SqlitePmfDbContext(UseStore(new DbContextOptionsBuilder<SqlitePmfDbContext>(), options).Options);
}
