using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PmfBot.Domain.Storage.Migrations.Postgres
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
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Period = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    IsReleased = table.Column<bool>(type: "boolean", nullable: false),
                    ReleasedById = table.Column<Guid>(type: "uuid", nullable: true),
                    ReleasedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    WithdrawnById = table.Column<Guid>(type: "uuid", nullable: true),
                    WithdrawnAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
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
