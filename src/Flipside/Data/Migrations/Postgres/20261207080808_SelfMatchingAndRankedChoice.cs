using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Flipside.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class SelfMatchingAndRankedChoice : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "AnswerDays",
                table: "Programs",
                type: "integer",
                nullable: false,
                defaultValue: 7);

            migrationBuilder.AddColumn<string>(
                name: "MatchingMode",
                table: "Programs",
                type: "character varying(16)",
                maxLength: 16,
                nullable: false,
                defaultValue: "Managed");

            migrationBuilder.AddColumn<int>(
                name: "RankingDays",
                table: "Programs",
                type: "integer",
                nullable: false,
                defaultValue: 7);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "MatchingSince",
                table: "Cohorts",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "MentorRequests",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CohortId = table.Column<Guid>(type: "uuid", nullable: false),
                    MenteeEnrollmentId = table.Column<Guid>(type: "uuid", nullable: false),
                    MentorEnrollmentId = table.Column<Guid>(type: "uuid", nullable: false),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    AnswerBy = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    RemindedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    AnsweredAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    MentorReasons = table.Column<List<string>>(type: "text[]", nullable: false),
                    PairingId = table.Column<Guid>(type: "uuid", nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MentorRequests", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MentorRequests_Cohorts_CohortId",
                        column: x => x.CohortId,
                        principalTable: "Cohorts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_MentorRequests_Enrollments_MenteeEnrollmentId",
                        column: x => x.MenteeEnrollmentId,
                        principalTable: "Enrollments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_MentorRequests_Enrollments_MentorEnrollmentId",
                        column: x => x.MentorEnrollmentId,
                        principalTable: "Enrollments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_MentorRequests_Pairings_PairingId",
                        column: x => x.PairingId,
                        principalTable: "Pairings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Preferences",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CohortId = table.Column<Guid>(type: "uuid", nullable: false),
                    EnrollmentId = table.Column<Guid>(type: "uuid", nullable: false),
                    RankedEnrollmentId = table.Column<Guid>(type: "uuid", nullable: false),
                    Rank = table.Column<int>(type: "integer", nullable: false),
                    SavedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Preferences", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Preferences_Cohorts_CohortId",
                        column: x => x.CohortId,
                        principalTable: "Cohorts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_Preferences_Enrollments_EnrollmentId",
                        column: x => x.EnrollmentId,
                        principalTable: "Enrollments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Preferences_Enrollments_RankedEnrollmentId",
                        column: x => x.RankedEnrollmentId,
                        principalTable: "Enrollments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_MentorRequests_CohortId_Status",
                table: "MentorRequests",
                columns: new[] { "CohortId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_MentorRequests_MenteeEnrollmentId",
                table: "MentorRequests",
                column: "MenteeEnrollmentId");

            migrationBuilder.CreateIndex(
                name: "IX_MentorRequests_MentorEnrollmentId",
                table: "MentorRequests",
                column: "MentorEnrollmentId");

            migrationBuilder.CreateIndex(
                name: "IX_MentorRequests_PairingId",
                table: "MentorRequests",
                column: "PairingId");

            migrationBuilder.CreateIndex(
                name: "IX_MentorRequests_Status_AnswerBy",
                table: "MentorRequests",
                columns: new[] { "Status", "AnswerBy" });

            migrationBuilder.CreateIndex(
                name: "IX_Preferences_CohortId",
                table: "Preferences",
                column: "CohortId");

            migrationBuilder.CreateIndex(
                name: "IX_Preferences_EnrollmentId_Rank",
                table: "Preferences",
                columns: new[] { "EnrollmentId", "Rank" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Preferences_EnrollmentId_RankedEnrollmentId",
                table: "Preferences",
                columns: new[] { "EnrollmentId", "RankedEnrollmentId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Preferences_RankedEnrollmentId",
                table: "Preferences",
                column: "RankedEnrollmentId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "MentorRequests");

            migrationBuilder.DropTable(
                name: "Preferences");

            migrationBuilder.DropColumn(
                name: "AnswerDays",
                table: "Programs");

            migrationBuilder.DropColumn(
                name: "MatchingMode",
                table: "Programs");

            migrationBuilder.DropColumn(
                name: "RankingDays",
                table: "Programs");

            migrationBuilder.DropColumn(
                name: "MatchingSince",
                table: "Cohorts");
        }
    }
}
