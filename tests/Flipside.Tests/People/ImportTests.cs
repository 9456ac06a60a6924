using System.Text;
using Flipside.Domain;
using Flipside.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static Flipside.Tests.People.PeopleFiles;

namespace Flipside.Tests.People;

/// <summary>Clean files are applied in one transaction as an upsert by employee id; each test has its own database.</summary>
public sealed class ImportTests : IDisposable
{
    private readonly FlipsideFactory _app = new();

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task SampleFile_Imports_AndImportingItAgainChangesNothing()
    {
        var admin = await Given.AnAdministrator(_app);
        var sample = await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "samples", "people.csv"));
        Assert.Equal((30, 0, 0, 0), await admin.Applied(sample));
        var before = await _app.Query(db => db.People.AsNoTracking().OrderBy(p => p.EmployeeId).ToListAsync());
        Assert.Equal((0, 0, 30, 0), await admin.Applied(sample));
        var after = await _app.Query(db => db.People.AsNoTracking().OrderBy(p => p.EmployeeId).ToListAsync());
        Assert.Equal(before.Select(Snapshot), after.Select(Snapshot));

        var daniel = after.Single(p => p.EmployeeId == "E1007");
        Assert.Equal(("Director, Data & Analytics", 8, "E1002", "en,yo", (DateOnly?)new DateOnly(2015, 1, 12)), (daniel.Title, daniel.Grade, daniel.ManagerEmployeeId, daniel.Languages, daniel.HireDate));
        Assert.Equal(PersonStatus.OnLeave, after.Single(p => p.EmployeeId == "E1009").Status);
        Assert.Equal(PersonStatus.Left, after.Single(p => p.EmployeeId == "E1028").Status);
    }

    [Fact]
    public async Task ChangedRows_AreUpdated_NewRowsCreated_OthersUnchanged()
    {
        var admin = await Given.AnAdministrator(_app);
        await admin.Applied(Csv(Row("A1"), Row("A2", manager: "A1"), Row("A3", manager: "A1")));
        Assert.Equal((1, 1, 2, 0), await admin.Applied(Csv(Row("A1"), Row("A2", manager: "A1", grade: 5), Row("A3", manager: "A1"), Row("A4", manager: "A2"))));
        Assert.Equal(5, await _app.Query(db => db.People.Where(p => p.EmployeeId == "A2").Select(p => p.Grade).SingleAsync()));
    }

    [Fact]
    public async Task PeopleMissingFromTheFile_AreMarkedLeft_OnlyWhenAsked()
    {
        var admin = await Given.AnAdministrator(_app);
        await admin.Applied(Csv(Row("A1"), Row("A2", manager: "A1"), Row("A3", manager: "A1")));
        Assert.Equal((0, 0, 2, 0), await admin.Applied(Csv(Row("A1"), Row("A2", manager: "A1"))));
        Assert.Equal(PersonStatus.Active, await StatusOf("A3"));
        Assert.Equal((0, 0, 2, 1), await admin.Applied(Csv(Row("A1"), Row("A2", manager: "A1")), markMissingAsLeft: true));
        Assert.Equal(PersonStatus.Left, await StatusOf("A3"));
        Assert.Equal((0, 0, 2, 0), await admin.Applied(Csv(Row("A1"), Row("A2", manager: "A1")), markMissingAsLeft: true));
    }

    [Fact]
    public async Task ManagersAlreadyInTheDirectory_AreKnown_AndCyclesThroughTheDirectoryAreRefused()
    {
        var admin = await Given.AnAdministrator(_app);
        await admin.Applied(Csv(Row("B1"), Row("B2", manager: "B1")));
        Assert.Equal((1, 0, 0, 0), await admin.Applied(Csv(Row("B3", manager: "B2"))));
        // B1 would report to B3, who reports to B2 (in the directory), who reports to B1.
        var problem = Assert.Single(await admin.Refused(Csv(Row("B1", manager: "B3"))));
        Assert.Equal((2, "manager_id", "B3"), (problem.Row, problem.Column, problem.Value));
        Assert.Contains("B1 → B3 → B2 → B1", problem.Text, StringComparison.Ordinal);
        Assert.Null(await _app.Query(db => db.People.Where(p => p.EmployeeId == "B1").Select(p => p.ManagerEmployeeId).SingleAsync()));
    }

    [Fact]
    public async Task OneBadRowOutOfTenThousand_LeavesTheDatabaseAsItWas()
    {
        var admin = await Given.AnAdministrator(_app);
        await admin.Applied(Csv(Row("P00001", name: "Original Name"), Row("X1")));
        var lines = Organisation(10_000).Split('\n', StringSplitOptions.RemoveEmptyEntries).ToList();
        lines[9_999] = lines[9_999].Replace("@example.com", "@", StringComparison.Ordinal); // data row 9,999 is file row 10,000
        var problem = Assert.Single(await admin.Refused(string.Join('\n', lines)));
        Assert.Equal((10_000, "email"), (problem.Row, problem.Column));
        Assert.Equal(2, await _app.PeopleCount());
        Assert.Equal("Original Name", await _app.Query(db => db.People.Where(p => p.EmployeeId == "P00001").Select(p => p.Name).SingleAsync()));
    }

    [Fact]
    public async Task ByteOrderMark_QuotedCommasAndLineBreaks_AndSemicolons_AllImport()
    {
        var admin = await Given.AnAdministrator(_app);
        var quoted = Header + "\nQ1,\"Okafor, Margaret\",q1@example.com,9,\"Sales, EMEA\",Europe/London,,\"Head of\nSales\",London,2019-05-01,,\"en,fr\",active\n";
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(quoted)).ToArray();
        var response = await admin.ImportBytes(bytes);
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.Equal((1, 0, 0, 0), await admin.Applied(Semicolons()));
        var q1 = await _app.Query(db => db.People.AsNoTracking().SingleAsync(p => p.EmployeeId == "Q1"));
        Assert.Equal(("Okafor, Margaret", "Sales, EMEA", "Head of\nSales", "en,fr"), (q1.Name, q1.Department, q1.Title, q1.Languages));
        var s1 = await _app.Query(db => db.People.AsNoTracking().SingleAsync(p => p.EmployeeId == "S1"));
        Assert.Equal(("Zoë Müller", "en,de", PersonStatus.OnLeave, "Europe/Berlin"), (s1.Name, s1.Languages, s1.Status, s1.TimeZone));
    }

    // As a spreadsheet in a German locale saves it: semicolons, headers in its own words, a Windows zone name.
    private static string Semicolons() =>
        "Employee ID;Name;Email;Grade;Department;Time Zone;Languages;Status\r\nS1;Zoë Müller;s1@example.com;4;Vertrieb;W. Europe Standard Time;en, de;On leave\r\n";

    [Fact]
    public async Task Api_AcceptsTheFileAsAMultipartField()
    {
        var admin = await Given.AnAdministrator(_app);
        var form = new MultipartFormDataContent
        {
            { new ByteArrayContent(Encoding.UTF8.GetBytes(Csv(Row("M1"), Row("M2", manager: "M1")))), "file", "people.csv" },
        };
        var response = await admin.PostAsync("/api/v1/people/import", form);
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, await _app.PeopleCount());
    }

    private Task<PersonStatus> StatusOf(string id) => _app.Query(db => db.People.Where(p => p.EmployeeId == id).Select(p => p.Status).SingleAsync());

    private static string Snapshot(Person p) =>
        string.Join('|', p.Id, p.EmployeeId, p.Name, p.Email, p.Title, p.Grade, p.Department, p.Location, p.TimeZone, p.ManagerEmployeeId, p.HireDate, p.BirthYear, p.Languages, p.Status);
}
