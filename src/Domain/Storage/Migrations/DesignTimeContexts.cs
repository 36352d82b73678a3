using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace PmfBot.Domain.Storage.Migrations;

// What `dotnet ef migrations add` builds the model from (scripts/add-migration.sh). Adding a
// migration compares models and needs no database, so the connection strings are placeholders.

internal sealed class SqliteDesignTimeContext : IDesignTimeDbContextFactory<SqlitePmfDbContext>
{
    public SqlitePmfDbContext CreateDbContext(string[] args) =>
        new(DatabaseSetup.UseStore(new DbContextOptionsBuilder<SqlitePmfDbContext>(), new StorageOptions { SqlitePath = "design-time.db" }).Options);
}

internal sealed class PostgresDesignTimeContext : IDesignTimeDbContextFactory<PostgresPmfDbContext>
{
    public PostgresPmfDbContext CreateDbContext(string[] args) =>
        new(DatabaseSetup.UseStore(new DbContextOptionsBuilder<PostgresPmfDbContext>(), new StorageOptions { PostgresConnectionString = "Host=localhost;Database=pmfbot_design_time" }).Options);
}
