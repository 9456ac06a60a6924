using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Flipside.Domain;
using Flipside.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static Flipside.Tests.People.PeopleFiles;

namespace Flipside.Tests.People;

/// <summary>An administrator edits one person on a form or through PUT, with the import's checks; a cycle is refused.</summary>
public sealed class ChangePersonTests(FlipsideFactory app) : AdministeredTests(app)
{
    private async Task<Dictionary<string, Guid>> Directory()
    {
        await Admin.Applied(Csv(Row("A1"), Row("A2", manager: "A1"), Row("A3", manager: "A2")));
        return await App.Query(db => db.People.ToDictionaryAsync(p => p.EmployeeId, p => p.Id));
    }

    private static Dictionary<string, string> Form(string name = "Person A1", string email = "a1@example.com", string grade = "3", string manager = "",
        string zone = "Europe/London", string status = "active") => new()
        {
            ["Input.EmployeeId"] = "A1", ["Input.Name"] = name, ["Input.Email"] = email, ["Input.Grade"] = grade, ["Input.Department"] = "Engineering",
            ["Input.TimeZone"] = zone, ["Input.Title"] = "Engineer", ["Input.Location"] = "London", ["Input.ManagerId"] = manager,
            ["Input.HireDate"] = "2020-01-15", ["Input.BirthYear"] = "1995", ["Input.Languages"] = "en, es", ["Input.Status"] = status, ["Input.Version"] = "0",
        };

    private async Task<HttpResponseMessage> Post(Guid id, Dictionary<string, string> form)
    {
        var version = await App.Query(db => db.People.Where(p => p.Id == id).Select(p => p.Version).SingleAsync());
        form["Input.Version"] = version.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return await Admin.Submit($"/People/Edit?id={id}", form);
    }

    [Fact]
    public async Task TheForm_SavesTheChange_AndAuditsIt()
    {
        var ids = await Directory();
        var page = await (await Admin.GetAsync($"/People/Person?id={ids["A1"]}")).Html();
        Assert.Contains($"/People/Edit?id={ids["A1"]}", page, StringComparison.Ordinal);
        var saved = await Post(ids["A1"], Form(name: "Alice Adams", grade: "9", zone: "America/New_York"));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var a1 = await App.Query(db => db.People.AsNoTracking().SingleAsync(p => p.EmployeeId == "A1"));
        Assert.Equal(("Alice Adams", 9, "America/New_York"), (a1.Name, a1.Grade, a1.TimeZone));
        var entry = await App.Query(db => db.AuditLog.SingleAsync(a => a.Action == "person.changed"));
        var admin = await App.Query(db => db.Users.Where(u => u.Email == Given.AdminEmail).Select(u => u.Id).SingleAsync());
        Assert.Equal(("A1: name, grade, time_zone changed", admin), (entry.Summary, entry.Actor));
    }

    [Fact]
    public async Task TheForm_RefusesACycle_BesideTheManagerField_AndSavesNothing()
    {
        var ids = await Directory();
        var refused = await Post(ids["A1"], Form(name: "Renamed", manager: "A3"));
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var html = await refused.Html();
        Assert.Contains("The managers form a circle: A1 → A3 → A2 → A1", html, StringComparison.Ordinal);
        Assert.Contains("data-valmsg-for=\"Input.ManagerId\">The managers form a circle", html, StringComparison.Ordinal);
        var a1 = await App.Query(db => db.People.AsNoTracking().SingleAsync(p => p.EmployeeId == "A1"));
        Assert.Equal(("Person A1", (string?)null), (a1.Name, a1.ManagerEmployeeId));
    }

    [Fact]
    public async Task TheForm_ChecksFieldsAsTheImportDoes()
    {
        var ids = await Directory();
        var html = await (await Post(ids["A1"], Form(grade: "Director", zone: "Mars/Olympus", email: "a2@example.com"))).Html();
        Assert.Contains("looks like a job title", html, StringComparison.Ordinal);
        Assert.Contains("Mars/Olympus", html, StringComparison.Ordinal);
        var taken = await (await Post(ids["A1"], Form(email: "a2@example.com"))).Html();
        Assert.Contains("The email a2@example.com belongs to Person A2 (A2)", taken, StringComparison.Ordinal);
        Assert.Equal("a1@example.com", await App.Query(db => db.People.Where(p => p.EmployeeId == "A1").Select(p => p.Email).SingleAsync()));
    }

    [Fact]
    public async Task SettingStatusToLeft_MakesThePersonLeaveAsTheImportDoes()
    {
        var ids = await Directory();
        await Given.AnAccount(App, Admin, "a1@example.com", Roles.Participant);
        Assert.Equal(HttpStatusCode.Redirect, (await Post(ids["A1"], Form(status: "left"))).StatusCode);
        Assert.False(await App.Query(db => db.Users.Where(u => u.Email == "a1@example.com").Select(u => u.IsActive).SingleAsync()));
        Assert.Equal(PersonStatus.Left, await App.Query(db => db.People.Where(p => p.EmployeeId == "A1").Select(p => p.Status).SingleAsync()));
    }

    [Fact]
    public async Task Put_ChangesAPerson_RefusesACycleAndAStaleVersion_AndIsForAdministratorsOnly()
    {
        var ids = await Directory();
        var body = new
        {
            name = "Person A3", email = "a3@example.com", grade = 4, department = "Sales", timeZone = "Europe/Paris", managerId = "A1",
            hireDate = "2020-01-15", languages = new[] { "en" }, status = "active", version = 0
        };
        var ok = await Admin.PutAsJsonAsync($"/api/v1/people/{ids["A3"]}", body);
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        var result = JsonNode.Parse(await ok.Content.ReadAsStringAsync())!;
        Assert.Contains("manager_id", result["changed"]!.AsArray().Select(c => (string?)c), StringComparer.Ordinal);
        var a3 = await App.Query(db => db.People.AsNoTracking().SingleAsync(p => p.EmployeeId == "A3"));
        Assert.Equal(("A1", "Sales"), (a3.ManagerEmployeeId, a3.Department));

        var stale = await Admin.PutAsJsonAsync($"/api/v1/people/{ids["A3"]}", body with { department = "Legal" });
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);

        var cycle = await Admin.PutAsJsonAsync($"/api/v1/people/{ids["A1"]}", new
        {
            name = "Person A1", email = "a1@example.com", grade = 3,
            department = "Engineering", timeZone = "Europe/London", managerId = "A3"
        });
        Assert.Equal(HttpStatusCode.BadRequest, cycle.StatusCode);
        Assert.Contains("form a circle", await cycle.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var manager = await Given.AnAccount(App, Admin, "pam@example.com", Roles.ProgramManager);
        Assert.Equal(HttpStatusCode.Forbidden, (await manager.PutAsJsonAsync($"/api/v1/people/{ids["A1"]}", body)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Admin.PutAsJsonAsync($"/api/v1/people/{Guid.NewGuid()}", body)).StatusCode);
    }
}
