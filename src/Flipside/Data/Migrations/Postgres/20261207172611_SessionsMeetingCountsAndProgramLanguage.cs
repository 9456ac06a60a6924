using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Flipside.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class SessionsMeetingCountsAndProgramLanguage : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Language",
                table: "Programs",
                type: "character varying(8)",
                maxLength: 8,
                nullable: false,
                defaultValue: "en");

            migrationBuilder.CreateTable(
                name: "PairingMeetingCounts",
                columns: table => new
                {
                    PairingId = table.Column<Guid>(type: "uuid", nullable: false),
                    Held = table.Column<int>(type: "integer", nullable: false),
                    LastHeldAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    CancelledByMentor = table.Column<int>(type: "integer", nullable: false),
                    CancelledByMentee = table.Column<int>(type: "integer", nullable: false),
                    LateCancellationsByMentor = table.Column<int>(type: "integer", nullable: false),
                    LateCancellationsByMentee = table.Column<int>(type: "integer", nullable: false),
                    NoShowsByMentor = table.Column<int>(type: "integer", nullable: false),
                    NoShowsByMentee = table.Column<int>(type: "integer", nullable: false),
                    LeaderItemsTaken = table.Column<int>(type: "integer", nullable: false),
                    LeaderItemsDone = table.Column<int>(type: "integer", nullable: false),
                    Stamp = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PairingMeetingCounts", x => x.PairingId);
                    table.ForeignKey(
                        name: "FK_PairingMeetingCounts_Pairings_PairingId",
                        column: x => x.PairingId,
                        principalTable: "Pairings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            // Every existing pairing's counts, as a recount gives them (see docs/decisions/0020).
            migrationBuilder.Sql(MeetingCounter.BackfillSql);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "PairingMeetingCounts");

            migrationBuilder.DropColumn(
                name: "Language",
                table: "Programs");
        }
    }
}
