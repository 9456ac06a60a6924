using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Flipside.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class PairingReportingLine : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ReportingLineAbove",
                table: "Pairings",
                type: "TEXT",
                maxLength: 16,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "ReportingLineFlaggedAt",
                table: "Pairings",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "ReportingLineKeptAt",
                table: "Pairings",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ReportingLineKeptBy",
                table: "Pairings",
                type: "TEXT",
                maxLength: 450,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ReportingLineKeptReason",
                table: "Pairings",
                type: "TEXT",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "ReportingLineLevels",
                table: "Pairings",
                type: "INTEGER",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "ReportingLineAbove",
                table: "Pairings");

            migrationBuilder.DropColumn(
                name: "ReportingLineFlaggedAt",
                table: "Pairings");

            migrationBuilder.DropColumn(
                name: "ReportingLineKeptAt",
                table: "Pairings");

            migrationBuilder.DropColumn(
                name: "ReportingLineKeptBy",
                table: "Pairings");

            migrationBuilder.DropColumn(
                name: "ReportingLineKeptReason",
                table: "Pairings");

            migrationBuilder.DropColumn(
                name: "ReportingLineLevels",
                table: "Pairings");
        }
    }
}
