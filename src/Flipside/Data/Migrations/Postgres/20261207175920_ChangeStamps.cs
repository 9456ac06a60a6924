using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Flipside.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ChangeStamps : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ChangeStamps",
                columns: table => new
                {
                    Area = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Value = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ChangeStamps", x => x.Area);
                });

            migrationBuilder.InsertData(
                table: "ChangeStamps",
                columns: new[] { "Area", "Value" },
                values: new object[] { "data", 0L });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ChangeStamps");
        }
    }
}
