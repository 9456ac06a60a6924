using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Flipside.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Pairings : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "AllowRepeatPairings",
                table: "Programs",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "FirstContactBy",
                table: "Programs",
                type: "TEXT",
                maxLength: 16,
                nullable: false,
                defaultValue: "Mentee");

            migrationBuilder.CreateTable(
                name: "MatchRuns",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CohortId = table.Column<Guid>(type: "TEXT", nullable: false),
                    StartedBy = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    StartedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Objective = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Pairs = table.Column<int>(type: "INTEGER", nullable: false),
                    Unmatched = table.Column<int>(type: "INTEGER", nullable: false),
                    LeftOut = table.Column<int>(type: "INTEGER", nullable: false),
                    Total = table.Column<long>(type: "INTEGER", nullable: false),
                    ProvenOptimal = table.Column<bool>(type: "INTEGER", nullable: false),
                    FairnessFlags = table.Column<int>(type: "INTEGER", nullable: false),
                    ElapsedMilliseconds = table.Column<int>(type: "INTEGER", nullable: false),
                    Detail = table.Column<string>(type: "TEXT", nullable: false),
                    Weights_AvailabilityOverlap = table.Column<int>(type: "INTEGER", nullable: false),
                    Weights_Complementarity = table.Column<int>(type: "INTEGER", nullable: false),
                    Weights_CrossDepartment = table.Column<int>(type: "INTEGER", nullable: false),
                    Weights_GenerationGap = table.Column<int>(type: "INTEGER", nullable: false),
                    Weights_SharedInterests = table.Column<int>(type: "INTEGER", nullable: false),
                    Weights_SharedLanguage = table.Column<int>(type: "INTEGER", nullable: false),
                    Weights_StyleFit = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MatchRuns", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MatchRuns_Cohorts_CohortId",
                        column: x => x.CohortId,
                        principalTable: "Cohorts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Pairings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CohortId = table.Column<Guid>(type: "TEXT", nullable: false),
                    MentorEnrollmentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    MenteeEnrollmentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Locked = table.Column<bool>(type: "INTEGER", nullable: false),
                    ByHand = table.Column<bool>(type: "INTEGER", nullable: false),
                    RunId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Score = table.Column<long>(type: "INTEGER", nullable: false),
                    StaffReasons = table.Column<string>(type: "TEXT", nullable: false),
                    MenteeReasons = table.Column<string>(type: "TEXT", nullable: false),
                    MentorReasons = table.Column<string>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    DecidedBy = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    DecidedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    PublishedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    PausedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    EndedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    EndedBy = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    EndReason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    RematchRequested = table.Column<bool>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Pairings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Pairings_Cohorts_CohortId",
                        column: x => x.CohortId,
                        principalTable: "Cohorts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Pairings_Enrollments_MenteeEnrollmentId",
                        column: x => x.MenteeEnrollmentId,
                        principalTable: "Enrollments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Pairings_Enrollments_MentorEnrollmentId",
                        column: x => x.MentorEnrollmentId,
                        principalTable: "Enrollments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_MatchRuns_CohortId_StartedAt",
                table: "MatchRuns",
                columns: new[] { "CohortId", "StartedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Pairings_CohortId_Status",
                table: "Pairings",
                columns: new[] { "CohortId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_Pairings_MenteeEnrollmentId",
                table: "Pairings",
                column: "MenteeEnrollmentId");

            migrationBuilder.CreateIndex(
                name: "IX_Pairings_MentorEnrollmentId",
                table: "Pairings",
                column: "MentorEnrollmentId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "MatchRuns");

            migrationBuilder.DropTable(
                name: "Pairings");

            migrationBuilder.DropColumn(
                name: "AllowRepeatPairings",
                table: "Programs");

            migrationBuilder.DropColumn(
                name: "FirstContactBy",
                table: "Programs");
        }
    }
}
