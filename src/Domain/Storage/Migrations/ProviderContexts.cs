using Microsoft.EntityFrameworkCore;

namespace PmfBot.Domain.Storage.Migrations;

// EF Core ties a migration to one context type, and SQLite and PostgreSQL need different
// migrations for the same model (column types, triggers). So each provider has a subclass of
// PmfDbContext that owns its migrations (Migrations/Sqlite, Migrations/Postgres); everything
// else in PmfBot sees a PmfDbContext. The model is the same: the subclasses add nothing.

/// <summary>PmfBot's context on SQLite (the embedded default): its migrations are in Migrations/Sqlite.</summary>
public sealed class SqlitePmfDbContext(DbContextOptions<SqlitePmfDbContext> options) : PmfDbContext(options);

/// <summary>PmfBot's context on PostgreSQL: its migrations are in Migrations/Postgres.</summary>
public sealed class PostgresPmfDbContext(DbContextOptions<PostgresPmfDbContext> options) : PmfDbContext(options);
