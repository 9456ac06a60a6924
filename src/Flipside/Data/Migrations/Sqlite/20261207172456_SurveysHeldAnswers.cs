using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Flipside.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class SurveysHeldAnswers : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "HeldAnswers",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProgramId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SurveyId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Month = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Pseudonym = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Payload = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_HeldAnswers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_HeldAnswers_Programs_ProgramId",
                        column: x => x.ProgramId,
                        principalTable: "Programs",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_HeldAnswers_Surveys_SurveyId",
                        column: x => x.SurveyId,
                        principalTable: "Surveys",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_HeldAnswers_ProgramId_SurveyId_Month",
                table: "HeldAnswers",
                columns: new[] { "ProgramId", "SurveyId", "Month" });

            migrationBuilder.CreateIndex(
                name: "IX_HeldAnswers_SurveyId",
                table: "HeldAnswers",
                column: "SurveyId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "HeldAnswers");
        }
    }
}
