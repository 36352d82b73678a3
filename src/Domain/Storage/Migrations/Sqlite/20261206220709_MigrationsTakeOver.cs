using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

#nullable disable

namespace PmfBot.Domain.Storage.Migrations.Sqlite
{
    /// <summary>
    /// From here on the migration history says what the database is. schema_version moves to 4 so
    /// that a release from before migrations (which checks for exactly 3) refuses this database
    /// with its own clear message instead of running on tables it does not know.
    /// </summary>
    public partial class MigrationsTakeOver : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // SQLite keeps a DateTimeOffset as its binary form (PmfConventions).
            var created = new DateTimeOffsetToBinaryConverter().ConvertToProvider(DateTimeOffset.UtcNow);
            migrationBuilder.Sql($"INSERT INTO schema_version (\"Id\", \"Version\", \"CreatedAt\") VALUES (1, 4, {created}) ON CONFLICT (\"Id\") DO UPDATE SET \"Version\" = 4;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("UPDATE schema_version SET \"Version\" = 3;");
        }
    }
}
