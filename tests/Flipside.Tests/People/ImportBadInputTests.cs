using System.Text;
using Flipside.Tests.Support;
using static Flipside.Tests.People.PeopleFiles;

namespace Flipside.Tests.People;

/// <summary>Every bad input the import names is reported with row, column, value and a fix, and writes nothing.</summary>
public sealed class ImportBadInputTests(FlipsideFactory app) : AdministeredTests(app)
{
    public static TheoryData<string, string, int, string, string> Cases => new()
    {
        // name, file, row, column, words the problem uses
        { "missing column", "employee_id,name,email,grade,department\nA1,Ann,ann@example.com,3,Sales\n", 1, "time_zone", "missing" },
        { "empty required field", Csv(Row("A1"), "A2,,a2@example.com,3,Sales,Europe/London,,,,,,,"), 3, "name", "required" },
        { "malformed email", Csv(Row("A1", email: "ann.example.com")), 2, "email", "not a valid email" },
        { "duplicate employee id", Csv(Row("A1"), Row("A2"), Row("A1")), 4, "employee_id", "also on row 2" },
        { "unknown manager", Csv(Row("A1"), Row("A2", manager: "Z9")), 3, "manager_id", "No person with employee id Z9" },
        { "own manager", Csv(Row("A1", manager: "A1")), 2, "manager_id", "their own manager" },
        { "management cycle", Csv(Row("A1"), Row("A2", manager: "A4"), Row("A3", manager: "A2"), Row("A4", manager: "A3")), 3, "manager_id", "A2 → A4 → A3 → A2" },
        { "unknown time zone", Csv(Row("A1", zone: "Europe/Atlantis")), 2, "time_zone", "not a time zone" },
        { "non-numeric grade", Csv("A1,Ann,ann@example.com,senior,Sales,Europe/London,,,,,,,"), 2, "grade", "whole number from 1" },
        { "grade out of range", Csv(Row("A1", grade: 11)), 2, "grade", "whole number from 1" },
        { "grade zero", Csv(Row("A1", grade: 0)), 2, "grade", "whole number from 1" },
        { "bad hire date", Csv(Row("A1", hired: "15/03/2021")), 2, "hire_date", "year-month-day" },
        { "impossible hire date", Csv(Row("A1", hired: "2021-02-30")), 2, "hire_date", "year-month-day" },
        { "bad birth year", Csv(Row("A1", birthYear: "nineteen")), 2, "birth_year", "a year from 1900" },
        { "unknown status", Csv(Row("A1", status: "retired")), 2, "status", "not a status" },
        { "unquoted comma", Csv(Row("A1"), "A2,Smith, Ann,a2@example.com,3,Sales,Europe/London,,,,,,,"), 3, "(row)", "14 values" },
        { "stray quote", Csv(Row("A1"), "A2,Ann \"The Boss,a2@example.com,3,Sales,Europe/London,,,,,,,"), 3, "(row)", "double quote" },
        { "empty file", "", 1, "(file)", "empty" },
        { "header only", Header + "\n", 2, "(file)", "no people" },
        { "bad language code", Csv(Row("A1").Replace("en;es", "english", StringComparison.Ordinal)), 2, "languages", "not a language code" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task BadFile_IsRefusedWithRowColumnAndFix_AndWritesNothing(string name, string csv, int row, string column, string words)
    {
        var problems = await Admin.Refused(csv);
        Assert.True(problems.Any(p => p.Row == row && p.Column == column && p.Text.Contains(words, StringComparison.Ordinal)),
            $"{name}: expected row {row}, column {column}, '{words}' in: {string.Join(" | ", problems)}");
        Assert.All(problems, p => Assert.False(string.IsNullOrWhiteSpace(p.Fix)));
        Assert.Equal(0, await App.PeopleCount());
    }

    [Fact]
    public async Task InvalidUtf8_IsRefusedNamingTheLine()
    {
        var bytes = Encoding.UTF8.GetBytes(Csv(Row("A1"), Row("A2"))).Concat(Encoding.Latin1.GetBytes("A3,Zoë Müller,a3@example.com,3,Sales,Europe/Paris,,,,,,,\n")).ToArray();
        var problem = Assert.Single(await Admin.Refused(bytes));
        Assert.Equal((4, "(file)"), (problem.Row, problem.Column));
        Assert.Contains("not UTF-8", problem.Text, StringComparison.Ordinal);
        Assert.Contains("CSV UTF-8", problem.Fix, StringComparison.Ordinal);
        Assert.Equal(0, await App.PeopleCount());
    }

    [Fact]
    public async Task EveryProblemInTheFile_IsListed_NotJustTheFirst()
    {
        var problems = await Admin.Refused(Csv(
            Row("A1", email: "nope", grade: 12, zone: "Nowhere/Town"), Row("A2", manager: "Q7"), Row("A2", hired: "yesterday")));
        Assert.Equal(["email", "grade", "time_zone", "manager_id", "hire_date", "employee_id"], problems.Select(p => p.Column).ToArray());
        Assert.Equal([2, 2, 2, 3, 4, 4], problems.Select(p => p.Row).ToArray());
    }

    [Fact]
    public async Task MissingFile_IsAValidationProblemNamingTheField()
    {
        var form = new MultipartFormDataContent { { new StringContent("true"), "markMissingAsLeft" } };
        var response = await Admin.PostAsync("/api/v1/people/import", form);
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("\"file\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var json = await Admin.PostAsync("/api/v1/people/import", new StringContent("{}", Encoding.UTF8, "application/json"));
        Assert.Equal(System.Net.HttpStatusCode.UnsupportedMediaType, json.StatusCode);
        Assert.Equal(0, await App.PeopleCount());
    }
}
