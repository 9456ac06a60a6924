using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Flipside.Data.Migrations.Postgres
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
                type: "character varying(16)",
                maxLength: 16,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "ReportingLineFlaggedAt",
                table: "Pairings",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "ReportingLineKeptAt",
                table: "Pairings",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ReportingLineKeptBy",
                table: "Pairings",
                type: "character varying(450)",
                maxLength: 450,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ReportingLineKeptReason",
                table: "Pairings",
                type: "character varying(2000)",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "ReportingLineLevels",
                table: "Pairings",
                type: "integer",
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
