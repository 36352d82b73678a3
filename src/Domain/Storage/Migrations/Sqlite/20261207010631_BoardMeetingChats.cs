using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PmfBot.Domain.Storage.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class BoardMeetingChats : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "board_meeting_chats",
                columns: table => new
                {
                    ConversationId = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    BoardId = table.Column<Guid>(type: "TEXT", nullable: false),
                    LinkedById = table.Column<Guid>(type: "TEXT", nullable: false),
                    LinkedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_board_meeting_chats", x => x.ConversationId);
                    table.ForeignKey(
                        name: "FK_board_meeting_chats_boards_BoardId",
                        column: x => x.BoardId,
                        principalTable: "boards",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_board_meeting_chats_people_LinkedById",
                        column: x => x.LinkedById,
                        principalTable: "people",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "meeting_summary_posts",
                columns: table => new
                {
                    Key = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    BoardId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ConversationId = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    ClaimedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_meeting_summary_posts", x => x.Key);
                    table.ForeignKey(
                        name: "FK_meeting_summary_posts_boards_BoardId",
                        column: x => x.BoardId,
                        principalTable: "boards",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_board_meeting_chats_BoardId",
                table: "board_meeting_chats",
                column: "BoardId");

            migrationBuilder.CreateIndex(
                name: "IX_board_meeting_chats_LinkedById",
                table: "board_meeting_chats",
                column: "LinkedById");

            migrationBuilder.CreateIndex(
                name: "IX_meeting_summary_posts_BoardId",
                table: "meeting_summary_posts",
                column: "BoardId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "board_meeting_chats");

            migrationBuilder.DropTable(
                name: "meeting_summary_posts");
        }
    }
}
