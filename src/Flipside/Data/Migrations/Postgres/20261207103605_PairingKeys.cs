using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Flipside.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class PairingKeys : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "PairingKeys",
                columns: table => new
                {
                    PairingId = table.Column<Guid>(type: "uuid", nullable: false),
                    KekId = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Wrapped = table.Column<byte[]>(type: "bytea", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PairingKeys", x => x.PairingId);
                    table.ForeignKey(
                        name: "FK_PairingKeys_Pairings_PairingId",
                        column: x => x.PairingId,
                        principalTable: "Pairings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "PairingKeys");
        }
    }
}
