using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace PmfBot.Domain.Storage.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class SchemaVersion3 : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "audit_log",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    EntityType = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    EntityId = table.Column<Guid>(type: "uuid", nullable: false),
                    Action = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ActorPersonId = table.Column<Guid>(type: "uuid", nullable: true),
                    ActorName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Before = table.Column<string>(type: "text", nullable: true),
                    After = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_audit_log", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "conversation_references",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Key = table.Column<string>(type: "character varying(416)", maxLength: 416, nullable: false),
                    Kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    ServiceUrl = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    ChannelId = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    TenantId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    ConversationId = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: true),
                    UserId = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: true),
                    EntraObjectId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    UserName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    TeamsChannelId = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: true),
                    TeamId = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: true),
                    TeamAadGroupId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    TeamName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    BotId = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    FirstSeenAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    LastSeenAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    RemovedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    BlockedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_conversation_references", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "cycle_state",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false),
                    LastCompletedDay = table.Column<DateOnly>(type: "date", nullable: true),
                    IsPaused = table.Column<bool>(type: "boolean", nullable: false),
                    PausedById = table.Column<Guid>(type: "uuid", nullable: true),
                    PausedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_cycle_state", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "data_version",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false),
                    Stamp = table.Column<long>(type: "bigint", nullable: false),
                    ChangedPriorities = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_data_version", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "directorates",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Code = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    DirectorId = table.Column<Guid>(type: "uuid", nullable: true),
                    PerformanceLeadId = table.Column<Guid>(type: "uuid", nullable: true),
                    UsesSignOff = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_directorates", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "outbox",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Key = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Kind = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    PersonId = table.Column<Guid>(type: "uuid", nullable: true),
                    BoardId = table.Column<Guid>(type: "uuid", nullable: true),
                    Period = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: true),
                    Payload = table.Column<string>(type: "text", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    State = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Attempts = table.Column<int>(type: "integer", nullable: false),
                    ClaimedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    SentAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ConversationId = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    ActivityId = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    LastError = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_outbox", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "plans",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    FirstYear = table.Column<int>(type: "integer", nullable: false),
                    LastYear = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_plans", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "schema_version",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_schema_version", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "people",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Email = table.Column<string>(type: "character varying(320)", maxLength: 320, nullable: false),
                    JobTitle = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    EntraObjectId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    ManagerId = table.Column<Guid>(type: "uuid", nullable: true),
                    DirectorateId = table.Column<Guid>(type: "uuid", nullable: true),
                    IsPerformanceTeam = table.Column<bool>(type: "boolean", nullable: false),
                    HasBlockedBot = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_people", x => x.Id);
                    table.ForeignKey(
                        name: "FK_people_directorates_DirectorateId",
                        column: x => x.DirectorateId,
                        principalTable: "directorates",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_people_people_ManagerId",
                        column: x => x.ManagerId,
                        principalTable: "people",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "self_assessments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    DirectorateId = table.Column<Guid>(type: "uuid", nullable: false),
                    Period = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    Concerns = table.Column<string>(type: "character varying(3000)", maxLength: 3000, nullable: false),
                    WrittenById = table.Column<Guid>(type: "uuid", nullable: true),
                    WrittenAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_self_assessments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_self_assessments_directorates_DirectorateId",
                        column: x => x.DirectorateId,
                        principalTable: "directorates",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "boards",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    ChairId = table.Column<Guid>(type: "uuid", nullable: false),
                    channel_team_id = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    channel_id = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    channel_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_boards", x => x.Id);
                    table.ForeignKey(
                        name: "FK_boards_people_ChairId",
                        column: x => x.ChairId,
                        principalTable: "people",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "indicators",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Code = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Title = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Unit = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    Polarity = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Frequency = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    IsNational = table.Column<bool>(type: "boolean", nullable: false),
                    OwnerId = table.Column<Guid>(type: "uuid", nullable: false),
                    DirectorateId = table.Column<Guid>(type: "uuid", nullable: true),
                    Tolerance = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Baseline = table.Column<decimal>(type: "numeric(19,4)", precision: 19, scale: 4, nullable: true),
                    Benchmark = table.Column<decimal>(type: "numeric(19,4)", precision: 19, scale: 4, nullable: true),
                    BenchmarkSource = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    QuarterlyProfile = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_indicators", x => x.Id);
                    table.ForeignKey(
                        name: "FK_indicators_directorates_DirectorateId",
                        column: x => x.DirectorateId,
                        principalTable: "directorates",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_indicators_people_OwnerId",
                        column: x => x.OwnerId,
                        principalTable: "people",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "board_members",
                columns: table => new
                {
                    BoardId = table.Column<Guid>(type: "uuid", nullable: false),
                    PersonId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_board_members", x => new { x.BoardId, x.PersonId });
                    table.ForeignKey(
                        name: "FK_board_members_boards_BoardId",
                        column: x => x.BoardId,
                        principalTable: "boards",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_board_members_people_PersonId",
                        column: x => x.PersonId,
                        principalTable: "people",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "priorities",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Code = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Title = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    PlanId = table.Column<Guid>(type: "uuid", nullable: false),
                    BoardId = table.Column<Guid>(type: "uuid", nullable: false),
                    LeadOfficerId = table.Column<Guid>(type: "uuid", nullable: false),
                    DirectorateId = table.Column<Guid>(type: "uuid", nullable: true),
                    Outcome = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_priorities", x => x.Id);
                    table.ForeignKey(
                        name: "FK_priorities_boards_BoardId",
                        column: x => x.BoardId,
                        principalTable: "boards",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_priorities_directorates_DirectorateId",
                        column: x => x.DirectorateId,
                        principalTable: "directorates",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_priorities_people_LeadOfficerId",
                        column: x => x.LeadOfficerId,
                        principalTable: "people",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_priorities_plans_PlanId",
                        column: x => x.PlanId,
                        principalTable: "plans",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "indicator_collators",
                columns: table => new
                {
                    IndicatorId = table.Column<Guid>(type: "uuid", nullable: false),
                    PersonId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_indicator_collators", x => new { x.IndicatorId, x.PersonId });
                    table.ForeignKey(
                        name: "FK_indicator_collators_indicators_IndicatorId",
                        column: x => x.IndicatorId,
                        principalTable: "indicators",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_indicator_collators_people_PersonId",
                        column: x => x.PersonId,
                        principalTable: "people",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "indicator_targets",
                columns: table => new
                {
                    IndicatorId = table.Column<Guid>(type: "uuid", nullable: false),
                    Period = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    Value = table.Column<decimal>(type: "numeric(19,4)", precision: 19, scale: 4, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_indicator_targets", x => new { x.IndicatorId, x.Period });
                    table.ForeignKey(
                        name: "FK_indicator_targets_indicators_IndicatorId",
                        column: x => x.IndicatorId,
                        principalTable: "indicators",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "returns",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    IndicatorId = table.Column<Guid>(type: "uuid", nullable: false),
                    Period = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    State = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    DueDate = table.Column<DateOnly>(type: "date", nullable: false),
                    Value = table.Column<decimal>(type: "numeric(19,4)", precision: 19, scale: 4, nullable: true),
                    NotAvailableReason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    Target = table.Column<decimal>(type: "numeric(19,4)", precision: 19, scale: 4, nullable: true),
                    ComputedRag = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    OverrideRag = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    OverrideReason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    Commentary = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    ActionsDelivered = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    ActionsPlanned = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    SubmittedById = table.Column<Guid>(type: "uuid", nullable: true),
                    SubmittedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    SubmittedLate = table.Column<bool>(type: "boolean", nullable: false),
                    SignedOffById = table.Column<Guid>(type: "uuid", nullable: true),
                    SignedOffAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    SentBackComment = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    LastChangedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_returns", x => x.Id);
                    table.ForeignKey(
                        name: "FK_returns_indicators_IndicatorId",
                        column: x => x.IndicatorId,
                        principalTable: "indicators",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "board_actions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    BoardId = table.Column<Guid>(type: "uuid", nullable: false),
                    PriorityId = table.Column<Guid>(type: "uuid", nullable: true),
                    Title = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    OwnerId = table.Column<Guid>(type: "uuid", nullable: false),
                    DueDate = table.Column<DateOnly>(type: "date", nullable: false),
                    RequestedIn = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    Status = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_board_actions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_board_actions_boards_BoardId",
                        column: x => x.BoardId,
                        principalTable: "boards",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_board_actions_people_OwnerId",
                        column: x => x.OwnerId,
                        principalTable: "people",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_board_actions_priorities_PriorityId",
                        column: x => x.PriorityId,
                        principalTable: "priorities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "indicator_priorities",
                columns: table => new
                {
                    IndicatorId = table.Column<Guid>(type: "uuid", nullable: false),
                    PriorityId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_indicator_priorities", x => new { x.IndicatorId, x.PriorityId });
                    table.ForeignKey(
                        name: "FK_indicator_priorities_indicators_IndicatorId",
                        column: x => x.IndicatorId,
                        principalTable: "indicators",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_indicator_priorities_priorities_PriorityId",
                        column: x => x.PriorityId,
                        principalTable: "priorities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "priority_ratings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    PriorityId = table.Column<Guid>(type: "uuid", nullable: false),
                    Period = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    State = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    ProposedRag = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    ProposedSummary = table.Column<string>(type: "character varying(1500)", maxLength: 1500, nullable: true),
                    ProposedById = table.Column<Guid>(type: "uuid", nullable: true),
                    ProposedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    AmendedRag = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    ChairComment = table.Column<string>(type: "character varying(1500)", maxLength: 1500, nullable: true),
                    DecidedById = table.Column<Guid>(type: "uuid", nullable: true),
                    DecidedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_priority_ratings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_priority_ratings_priorities_PriorityId",
                        column: x => x.PriorityId,
                        principalTable: "priorities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "risks",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    PriorityId = table.Column<Guid>(type: "uuid", nullable: false),
                    Title = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    OwnerId = table.Column<Guid>(type: "uuid", nullable: true),
                    Mitigation = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    InherentImpact = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    InherentLikelihood = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    ResidualImpact = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    ResidualLikelihood = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_risks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_risks_priorities_PriorityId",
                        column: x => x.PriorityId,
                        principalTable: "priorities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "board_action_progress",
                columns: table => new
                {
                    ActionId = table.Column<Guid>(type: "uuid", nullable: false),
                    Period = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    Status = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Note = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    ById = table.Column<Guid>(type: "uuid", nullable: false),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_board_action_progress", x => new { x.ActionId, x.Period });
                    table.ForeignKey(
                        name: "FK_board_action_progress_board_actions_ActionId",
                        column: x => x.ActionId,
                        principalTable: "board_actions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.InsertData(
                table: "data_version",
                columns: new[] { "Id", "ChangedPriorities", "Stamp" },
                values: new object[] { 1, null, 0L });

            migrationBuilder.CreateIndex(
                name: "IX_audit_log_At",
                table: "audit_log",
                column: "At");

            migrationBuilder.CreateIndex(
                name: "IX_audit_log_EntityType_EntityId",
                table: "audit_log",
                columns: new[] { "EntityType", "EntityId" });

            migrationBuilder.CreateIndex(
                name: "IX_board_actions_BoardId",
                table: "board_actions",
                column: "BoardId");

            migrationBuilder.CreateIndex(
                name: "IX_board_actions_OwnerId",
                table: "board_actions",
                column: "OwnerId");

            migrationBuilder.CreateIndex(
                name: "IX_board_actions_PriorityId",
                table: "board_actions",
                column: "PriorityId");

            migrationBuilder.CreateIndex(
                name: "IX_board_members_PersonId",
                table: "board_members",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_boards_ChairId",
                table: "boards",
                column: "ChairId");

            migrationBuilder.CreateIndex(
                name: "IX_boards_Name",
                table: "boards",
                column: "Name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_conversation_references_ConversationId",
                table: "conversation_references",
                column: "ConversationId");

            migrationBuilder.CreateIndex(
                name: "IX_conversation_references_EntraObjectId",
                table: "conversation_references",
                column: "EntraObjectId");

            migrationBuilder.CreateIndex(
                name: "IX_conversation_references_Key",
                table: "conversation_references",
                column: "Key",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_directorates_Code",
                table: "directorates",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_indicator_collators_PersonId",
                table: "indicator_collators",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_indicator_priorities_PriorityId",
                table: "indicator_priorities",
                column: "PriorityId");

            migrationBuilder.CreateIndex(
                name: "IX_indicators_Code",
                table: "indicators",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_indicators_DirectorateId",
                table: "indicators",
                column: "DirectorateId");

            migrationBuilder.CreateIndex(
                name: "IX_indicators_OwnerId",
                table: "indicators",
                column: "OwnerId");

            migrationBuilder.CreateIndex(
                name: "IX_outbox_Key",
                table: "outbox",
                column: "Key",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_outbox_State_CreatedAt",
                table: "outbox",
                columns: new[] { "State", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_people_DirectorateId",
                table: "people",
                column: "DirectorateId");

            migrationBuilder.CreateIndex(
                name: "IX_people_Email",
                table: "people",
                column: "Email",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_people_EntraObjectId",
                table: "people",
                column: "EntraObjectId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_people_ManagerId",
                table: "people",
                column: "ManagerId");

            migrationBuilder.CreateIndex(
                name: "IX_priorities_BoardId",
                table: "priorities",
                column: "BoardId");

            migrationBuilder.CreateIndex(
                name: "IX_priorities_Code",
                table: "priorities",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_priorities_DirectorateId",
                table: "priorities",
                column: "DirectorateId");

            migrationBuilder.CreateIndex(
                name: "IX_priorities_LeadOfficerId",
                table: "priorities",
                column: "LeadOfficerId");

            migrationBuilder.CreateIndex(
                name: "IX_priorities_PlanId",
                table: "priorities",
                column: "PlanId");

            migrationBuilder.CreateIndex(
                name: "IX_priority_ratings_PriorityId_Period",
                table: "priority_ratings",
                columns: new[] { "PriorityId", "Period" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_returns_IndicatorId_Period",
                table: "returns",
                columns: new[] { "IndicatorId", "Period" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_returns_Period",
                table: "returns",
                column: "Period");

            migrationBuilder.CreateIndex(
                name: "IX_risks_PriorityId",
                table: "risks",
                column: "PriorityId");

            migrationBuilder.CreateIndex(
                name: "IX_self_assessments_DirectorateId_Period",
                table: "self_assessments",
                columns: new[] { "DirectorateId", "Period" },
                unique: true);

            // What the model cannot say (StorageTriggers): the audit log is append-only, and a
            // committed change to the data-version stamp is notified to every server.
            migrationBuilder.Sql(StorageTriggers.PostgresAuditLogAppendOnly);
            migrationBuilder.Sql(StorageTriggers.PostgresDataVersionNotify);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "audit_log");

            migrationBuilder.DropTable(
                name: "board_action_progress");

            migrationBuilder.DropTable(
                name: "board_members");

            migrationBuilder.DropTable(
                name: "conversation_references");

            migrationBuilder.DropTable(
                name: "cycle_state");

            migrationBuilder.DropTable(
                name: "data_version");

            migrationBuilder.DropTable(
                name: "indicator_collators");

            migrationBuilder.DropTable(
                name: "indicator_priorities");

            migrationBuilder.DropTable(
                name: "indicator_targets");

            migrationBuilder.DropTable(
                name: "outbox");

            migrationBuilder.DropTable(
                name: "priority_ratings");

            migrationBuilder.DropTable(
                name: "returns");

            migrationBuilder.DropTable(
                name: "risks");

            migrationBuilder.DropTable(
                name: "schema_version");

            migrationBuilder.DropTable(
                name: "self_assessments");

            migrationBuilder.DropTable(
                name: "board_actions");

            migrationBuilder.DropTable(
                name: "indicators");

            migrationBuilder.DropTable(
                name: "priorities");

            migrationBuilder.DropTable(
                name: "boards");

            migrationBuilder.DropTable(
                name: "plans");

            migrationBuilder.DropTable(
                name: "people");

            migrationBuilder.DropTable(
                name: "directorates");

            migrationBuilder.Sql(StorageTriggers.PostgresDropFunctions);
        }
    }
}
