using System.Net;
using System.Text.Json.Nodes;
using Flipside.Domain;
using Flipside.Tests.People;
using Flipside.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static Flipside.Tests.Scim.ScimClient;

namespace Flipside.Tests.Scim;

/// <summary>
/// The requests Microsoft Entra ID's provisioning service and its SCIM validator send (learn.microsoft.com, "Tutorial:
/// Develop and plan provisioning for a SCIM endpoint"): look up by userName, create with the enterprise extension,
/// find by externalId, PATCH with capitalised ops and paths (filters on emails, the extension's manager as a bare id),
/// disable with the string "False", enable again, and DELETE.
/// </summary>
public sealed class EntraSequenceTests(FlipsideFactory app) : AdministeredTests(app)
{
    private static JsonObject EntraUser(string userName, string mail, string externalId, string employeeNumber) => new()
    {
        ["schemas"] = new JsonArray(User, Enterprise),
        ["externalId"] = externalId,
        ["userName"] = userName,
        ["active"] = true,
        ["addresses"] = new JsonArray(),
        ["displayName"] = "Sandy Nia",
        ["emails"] = new JsonArray(new JsonObject { ["primary"] = true, ["type"] = "work", ["value"] = mail }),
        ["meta"] = new JsonObject { ["resourceType"] = "User" },
        ["name"] = new JsonObject { ["formatted"] = "Sandy Nia", ["familyName"] = "Nia", ["givenName"] = "Sandy" },
        ["phoneNumbers"] = new JsonArray(),
        ["roles"] = new JsonArray(),
        ["title"] = "Analyst",
        [Enterprise] = new JsonObject { ["employeeNumber"] = employeeNumber, ["department"] = "Finance" },
    };

    [Fact]
    public async Task EntrasSequence_CreatesPatchesDisablesEnablesAndDeletes()
    {
        await Admin.Applied(PeopleFiles.Csv(PeopleFiles.Row("M1")));
        var managerId = await App.Query(db => db.People.Where(p => p.EmployeeId == "M1").Select(p => p.Id).SingleAsync());
        var entra = For(App, await MakeToken(Admin, "Entra ID"));

        var none = await entra.Send("GET", "/Users?filter=userName+eq+%22dale.mohr%40contoso.onmicrosoft.com%22").Expect(HttpStatusCode.OK);
        Assert.Equal(0, (int)none["totalResults"]!);
        var created = await entra.Send("POST", "/Users",
            EntraUser("Dale.Mohr@contoso.onmicrosoft.com", "dale.mohr@contoso.com", "9950b140-90a0-4201-9d65-b5f209fb4cd0", "E200")).Expect(HttpStatusCode.Created);
        var id = (string)created["id"]!;
        Assert.Equal("dale.mohr@contoso.onmicrosoft.com", (string?)created["userName"]);
        Assert.Equal("dale.mohr@contoso.com", (string?)created["emails"]![0]!["value"]);
        Assert.Equal(("E200", "Finance"), ((string?)created[Enterprise]!["employeeNumber"], (string?)created[Enterprise]!["department"]));

        var byExternal = await entra.Send("GET", "/Users?filter=externalId+eq+%229950b140-90a0-4201-9d65-b5f209fb4cd0%22").Expect(HttpStatusCode.OK);
        Assert.Equal(id, (string?)Assert.Single(byExternal["Resources"]!.AsArray())!["id"]);
        var byUserName = await entra.Send("GET", "/Users?filter=userName+eq+%22dale.mohr%40contoso.onmicrosoft.com%22").Expect(HttpStatusCode.OK);
        Assert.Equal(id, (string?)Assert.Single(byUserName["Resources"]!.AsArray())!["id"]);

        var patched = await entra.Send("PATCH", $"/Users/{id}", Patch(
            Op("Replace", "title", "Senior Analyst"),
            Op("Replace", "emails[type eq \"work\"].value", "dale.m@contoso.com"),
            Op("Replace", "name.familyName", "Mohr"),
            Op("Add", $"{Enterprise}:manager", managerId.ToString()),
            Op("Replace", $"{FlipsideExtension}:grade", "4"))).Expect(HttpStatusCode.OK);
        Assert.Equal("Senior Analyst", (string?)patched["title"]);
        Assert.Equal(managerId.ToString(), (string?)patched[Enterprise]!["manager"]!["value"]);
        var person = await App.Query(db => db.People.AsNoTracking().SingleAsync(p => p.Id == Guid.Parse(id)));
        Assert.Equal(("Sandy Mohr", "dale.m@contoso.com", "M1", 4, "Senior Analyst"), (person.Name, person.Email, person.ManagerEmployeeId, person.Grade, person.Title));

        await entra.Send("PATCH", $"/Users/{id}", Patch(Op("Replace", "active", "False"))).Expect(HttpStatusCode.OK);
        Assert.Equal(PersonStatus.Left, await Status(id));
        var disabled = await entra.Send("GET", "/Users?filter=userName+eq+%22dale.mohr%40contoso.onmicrosoft.com%22").Expect(HttpStatusCode.OK);
        Assert.False((bool)disabled["Resources"]![0]!["active"]!);
        await entra.Send("PATCH", $"/Users/{id}", Patch(Op("Replace", "active", "True"))).Expect(HttpStatusCode.OK);
        Assert.Equal(PersonStatus.Active, await Status(id));

        await entra.Send("PATCH", $"/Users/{id}", Patch(Op("Remove", $"{Enterprise}:manager", null))).Expect(HttpStatusCode.OK);
        Assert.Null(await App.Query(db => db.People.Where(p => p.Id == Guid.Parse(id)).Select(p => p.ManagerEmployeeId).SingleAsync()));

        var deleted = await entra.Send("DELETE", $"/Users/{id}");
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Equal(PersonStatus.Left, await Status(id));
    }

    [Fact]
    public async Task Disabling_DeactivatesTheAccount_AndEndsItsSessionsWithinAMinute()
    {
        await Admin.Applied(PeopleFiles.Csv(PeopleFiles.Row("P1", email: "pat@example.com")));
        var pat = await Given.AnAccount(App, Admin, "pat@example.com", Roles.Participant);
        Assert.Equal(HttpStatusCode.OK, (await pat.GetAsync("/api/v1/account/me")).StatusCode);
        var entra = For(App, await MakeToken(Admin, "Entra ID"));
        var found = await entra.Send("GET", "/Users?filter=userName+eq+%22pat%40example.com%22").Expect(HttpStatusCode.OK);
        var id = (string)found["Resources"]![0]!["id"]!;

        await entra.Send("PATCH", $"/Users/{id}", Patch(Op("Replace", "active", "False"))).Expect(HttpStatusCode.OK);

        Assert.False(await App.Query(db => db.Users.Where(u => u.Email == "pat@example.com").Select(u => u.IsActive).SingleAsync()));
        App.Clock.Advance(TimeSpan.FromSeconds(61));
        Assert.Equal(HttpStatusCode.Unauthorized, (await pat.GetAsync("/api/v1/account/me")).StatusCode);
        Assert.Equal(1, await App.Query(db => db.AuditLog.CountAsync(a => a.Action == "account.deactivated" && a.Actor == "SCIM token Entra ID")));
    }

    private Task<PersonStatus> Status(string id) => App.Query(db => db.People.Where(p => p.Id == Guid.Parse(id)).Select(p => p.Status).SingleAsync());
}
