using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PmfBot.Domain.Storage.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class RolesHistoryAndRetiring : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "IsImported",
                table: "returns",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "RetiredAt",
                table: "indicators",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "RetiredAt",
                table: "indicator_targets",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "RetiredAt",
                table: "indicator_priorities",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "RetiredAt",
                table: "indicator_collators",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "SelfAssessmentById",
                table: "directorates",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Source",
                table: "audit_log",
                type: "character varying(300)",
                maxLength: 300,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "IsImported",
                table: "returns");

            migrationBuilder.DropColumn(
                name: "RetiredAt",
                table: "indicators");

            migrationBuilder.DropColumn(
                name: "RetiredAt",
                table: "indicator_targets");

            migrationBuilder.DropColumn(
                name: "RetiredAt",
                table: "indicator_priorities");

            migrationBuilder.DropColumn(
                name: "RetiredAt",
                table: "indicator_collators");

            migrationBuilder.DropColumn(
                name: "SelfAssessmentById",
                table: "directorates");

            migrationBuilder.DropColumn(
                name: "Source",
                table: "audit_log");
        }
    }
}
