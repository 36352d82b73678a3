using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PmfBot.Domain.Storage.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class QuarterReleases : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "quarter_releases",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Period = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    IsReleased = table.Column<bool>(type: "INTEGER", nullable: false),
                    ReleasedById = table.Column<Guid>(type: "TEXT", nullable: true),
                    ReleasedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    WithdrawnById = table.Column<Guid>(type: "TEXT", nullable: true),
                    WithdrawnAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_quarter_releases", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_quarter_releases_Period",
                table: "quarter_releases",
                column: "Period",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "quarter_releases");
        }
    }
}
