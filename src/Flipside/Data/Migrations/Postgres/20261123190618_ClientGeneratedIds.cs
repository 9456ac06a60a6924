using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Flipside.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ClientGeneratedIds : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {

        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {

        }
    }
}
