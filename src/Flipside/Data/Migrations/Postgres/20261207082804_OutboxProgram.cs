using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Flipside.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class OutboxProgram : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "ProgramId",
                table: "Outbox",
                type: "uuid",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Outbox_ProgramId_CreatedAt",
                table: "Outbox",
                columns: new[] { "ProgramId", "CreatedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Outbox_ProgramId_CreatedAt",
                table: "Outbox");

            migrationBuilder.DropColumn(
                name: "ProgramId",
                table: "Outbox");
        }
    }
}
