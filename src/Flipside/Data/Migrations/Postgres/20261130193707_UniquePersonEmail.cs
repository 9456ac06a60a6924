using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Flipside.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class UniquePersonEmail : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // An account finds its directory person by email, so each email may belong to one person only, held in lower
            // case as the import now writes it. A directory that already holds one email twice cannot be mended here
            // without guessing whose it is: the upgrade stops naming them, and the migration's transaction leaves the
            // database as it was.
            migrationBuilder.Sql("""
                UPDATE "People" SET "Email" = lower("Email") WHERE "Email" <> lower("Email");
                DO $$
                DECLARE shared text;
                BEGIN
                    SELECT string_agg(e, ', ') INTO shared
                    FROM (SELECT lower("Email") AS e FROM "People" GROUP BY 1 HAVING count(*) > 1 ORDER BY 1 LIMIT 20) d;
                    IF shared IS NOT NULL THEN
                        RAISE EXCEPTION 'Two or more people in the directory share an email address (%), and Flipside now needs each email once: run the previous version, import a file that gives each person their own email, then upgrade again.', shared;
                    END IF;
                END $$;
                """);

            migrationBuilder.DropIndex(
                name: "IX_People_Email",
                table: "People");

            migrationBuilder.CreateIndex(
                name: "IX_People_Email",
                table: "People",
                column: "Email",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_People_Email",
                table: "People");

            migrationBuilder.CreateIndex(
                name: "IX_People_Email",
                table: "People",
                column: "Email");
        }
    }
}
