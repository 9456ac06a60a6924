using Flipside.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.EntityFrameworkCore.Design.Internal;
using Microsoft.EntityFrameworkCore.Migrations.Design;

// Usage: dotnet run --project tools/AddMigration -- NAME
// Writes src/Flipside/Data/Migrations/{Sqlite,Postgres}/<timestamp>_NAME.cs for each provider.
if (args.Length != 1 || args[0].Any(c => !char.IsAsciiLetterOrDigit(c)))
{
    Console.Error.WriteLine("Usage: dotnet run --project tools/AddMigration -- MigrationName (letters and digits only)");
    return 2;
}
var root = FindRepoRoot();
var project = Path.Combine(root, "src", "Flipside");
FlipsideDb[] contexts =
[
    new SqliteFlipsideDb(new DbContextOptionsBuilder<SqliteFlipsideDb>().UseSqlite("Data Source=:memory:").Options),
    new PostgresFlipsideDb(new DbContextOptionsBuilder<PostgresFlipsideDb>().UseNpgsql("Host=localhost").Options),
];
foreach (var db in contexts)
{
    var provider = db is SqliteFlipsideDb ? "Sqlite" : "Postgres";
    var reporter = new OperationReporter(new OperationReportHandler(
        e => Console.Error.WriteLine(e), w => Console.Error.WriteLine(w), i => Console.WriteLine(i), v => { }));
    var services = new DesignTimeServicesBuilder(typeof(FlipsideDb).Assembly, typeof(FlipsideDb).Assembly, reporter, [])
        .Build(db);
    var scaffolder = services.GetService(typeof(IMigrationsScaffolder)) as IMigrationsScaffolder
        ?? throw new InvalidOperationException("EF Core design services are missing.");
    var migration = scaffolder.ScaffoldMigration(args[0], "Flipside", $"Data.Migrations.{provider}", "C#");
    var files = scaffolder.Save(project, migration, Path.Combine(project, "Data", "Migrations", provider));
    Console.WriteLine($"{provider}: {Path.GetRelativePath(root, files.MigrationFile!)}");
    db.Dispose();
}
return 0;

static string FindRepoRoot()
{
    var dir = new DirectoryInfo(Directory.GetCurrentDirectory());
    while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Flipside.slnx"))) dir = dir.Parent;
    return dir?.FullName ?? throw new InvalidOperationException("Run from inside the Flipside repository.");
}
