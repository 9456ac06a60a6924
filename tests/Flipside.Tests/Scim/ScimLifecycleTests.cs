using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Flipside.Domain;
using Flipside.Tests.People;
using Flipside.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static Flipside.Tests.Scim.ScimClient;

namespace Flipside.Tests.Scim;

/// <summary>Deactivation and reactivation bring the account along, and a leaver's address is free, as the import frees it.</summary>
public sealed class ScimLifecycleTests(FlipsideFactory app) : AdministeredTests(app)
{
    private static JsonObject AUser(string userName, string? employeeNumber = null)
    {
        var user = new JsonObject
        {
            ["schemas"] = new JsonArray(User, Enterprise),
            ["userName"] = userName,
            ["name"] = new JsonObject { ["givenName"] = "Ada", ["familyName"] = "Lovelace" },
        };
        if (employeeNumber is not null) user[Enterprise] = new JsonObject { ["employeeNumber"] = employeeNumber };
        return user;
    }

    private Task<bool> AccountActive(string email) => App.Query(db => db.Users.Where(u => u.Email == email).Select(u => u.IsActive).SingleAsync());

    [Fact]
    public async Task Reactivating_BringsTheAccountBack_SoThePersonSignsInAgain()
    {
        await Admin.Applied(PeopleFiles.Csv(PeopleFiles.Row("E1")));
        await Given.AnAccount(App, Admin, "e1@example.com", Roles.Participant);
        var idp = For(App, await MakeToken(Admin));
        var id = await App.Query(db => db.People.Where(p => p.EmployeeId == "E1").Select(p => p.Id).SingleAsync());

        await idp.Send("PATCH", $"/Users/{id}", Patch(Op("replace", "active", false))).Expect(HttpStatusCode.OK);
        Assert.False(await AccountActive("e1@example.com"));
        var refused = await App.Browser().PostAsync("/api/v1/account/sign-in",
            System.Net.Http.Json.JsonContent.Create(new { email = "e1@example.com", password = Given.Password }));
        Assert.NotEqual(HttpStatusCode.NoContent, refused.StatusCode);

        var on = await idp.Send("PATCH", $"/Users/{id}", Patch(Op("replace", null, new JsonObject { ["active"] = true }))).Expect(HttpStatusCode.OK);
        Assert.True((bool)on["active"]!);
        Assert.True(await AccountActive("e1@example.com"));
        var signedIn = await Given.SignedIn(App, "e1@example.com");
        Assert.Equal(HttpStatusCode.OK, (await signedIn.GetAsync("/api/v1/account/me")).StatusCode);
        var audit = await App.Query(db => db.AuditLog.Where(a => a.Action == "account.reactivated").Select(a => a.Actor).ToListAsync());
        Assert.Equal(["SCIM token Okta"], audit);

        // DELETE then PUT with active true: the same way back.
        Assert.Equal(HttpStatusCode.NoContent, (await idp.Send("DELETE", $"/Users/{id}")).StatusCode);
        Assert.False(await AccountActive("e1@example.com"));
        var put = await idp.Send("GET", $"/Users/{id}").Expect(HttpStatusCode.OK);
        put["active"] = true;
        put.Remove("meta");
        await idp.Send("PUT", $"/Users/{id}", put).Expect(HttpStatusCode.OK);
        Assert.True(await AccountActive("e1@example.com"));
    }

    [Fact]
    public async Task Deactivating_SomeoneInAPairing_HasTheImportsEffects_AndTheProgramManagerIsTold()
    {
        var cohort = (await Seed.AProgram(App, Given.AdminEmail, status: CohortStatus.Matching)).CohortId;
        var (leaders, _) = await Enrolled.Cohort(App, cohort, leaders: 2, mentors: 2);
        Assert.Equal(HttpStatusCode.Created, (await Admin.PostAsJsonAsync($"/api/v1/cohorts/{cohort}/matching/runs", new { })).StatusCode);
        foreach (var id in await App.Query(db => db.Pairings.Select(p => p.Id).ToListAsync()))
            await Admin.PostAsJsonAsync($"/api/v1/cohorts/{cohort}/pairings/{id}/decision", new { decision = "approve" });
        Assert.Equal(HttpStatusCode.OK, (await Admin.PostAsync($"/api/v1/cohorts/{cohort}/matching/publish", null)).StatusCode);
        var idp = For(App, await MakeToken(Admin));

        await idp.Send("PATCH", $"/Users/{leaders[0].Id}", Patch(Op("replace", "active", "False"))).Expect(HttpStatusCode.OK);

        // The same code as an import that marks them left (PersonLeaves): the manager hears of it and can pair the partner again.
        var ended = await App.Query(db => db.Pairings.AsNoTracking().SingleAsync(p => p.MenteeEnrollment.PersonId == leaders[0].Id));
        Assert.Equal((PairingStatus.Ended, PairingActor.Directory), (ended.Status, ended.EndedBy));
        var told = await App.Query(db => db.Outbox.Where(m => m.To == Given.AdminEmail).Select(m => m.Subject).ToListAsync());
        Assert.Contains(told, s => s.Contains("has left the organisation", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ALeaversEmailAndUserName_PassToSomeoneNew_AsTheImportReleasesThem()
    {
        await Admin.Applied(PeopleFiles.Csv(PeopleFiles.Row("L1", email: "gone@example.com", status: "left")));
        var idp = For(App, await MakeToken(Admin));

        // An imported leaver, never linked: their email was their userName, and is free now.
        var created = await idp.Send("POST", "/Users", AUser("gone@example.com", "N1")).Expect(HttpStatusCode.Created);
        Assert.Equal("gone@example.com", (string?)created["emails"]![0]!["value"]);
        var leaver = await App.Query(db => db.People.AsNoTracking().SingleAsync(p => p.EmployeeId == "L1"));
        Assert.NotEqual("gone@example.com", leaver.Email);

        // A User the IdP made and then deactivated: its userName passes to the next User the IdP sends with it.
        var first = await idp.Send("POST", "/Users", AUser("grace@example.com", "A1")).Expect(HttpStatusCode.Created);
        Assert.Equal(HttpStatusCode.NoContent, (await idp.Send("DELETE", $"/Users/{first["id"]}")).StatusCode);
        var second = await idp.Send("POST", "/Users", AUser("grace@example.com", "A2")).Expect(HttpStatusCode.Created);
        var found = await idp.Send("GET", "/Users?filter=userName%20eq%20%22grace%40example.com%22").Expect(HttpStatusCode.OK);
        Assert.Equal((string?)second["id"], (string?)Assert.Single(found["Resources"]!.AsArray())!["id"]);
        Assert.Equal(1, await App.Query(db => db.AuditLog.CountAsync(a => a.Action == "person.scim-released")));

        // Someone active still holds theirs.
        await idp.Send("POST", "/Users", AUser("grace@example.com", "A3")).Refused(HttpStatusCode.Conflict, "uniqueness");
    }

    [Fact]
    public async Task ARefusedCreate_KeepsTheLeaversUserNameWhereItWas()
    {
        var idp = For(App, await MakeToken(Admin));
        var first = await idp.Send("POST", "/Users", AUser("grace@example.com", "A1")).Expect(HttpStatusCode.Created);
        Assert.Equal(HttpStatusCode.NoContent, (await idp.Send("DELETE", $"/Users/{first["id"]}")).StatusCode);
        var bad = AUser("grace@example.com", "A2");
        bad["timezone"] = "Mars/Olympus";
        await idp.Send("POST", "/Users", bad).Refused(HttpStatusCode.BadRequest, "invalidValue");
        Assert.Equal("grace@example.com", await App.Query(db => db.ScimIdentities.Select(i => i.UserName).SingleAsync()));
        Assert.Equal(0, await App.Query(db => db.AuditLog.CountAsync(a => a.Action == "person.scim-released")));
    }

    [Fact]
    public async Task CreatesRacingForOneUserName_AllAnswerInSCIM_OneWins()
    {
        var idp = For(App, await MakeToken(Admin));
        var answers = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => idp.Send("POST", "/Users", AUser("race@example.com", $"R{i}"))));
        foreach (var answer in answers)
        {
            Assert.Equal("application/scim+json", answer.Content.Headers.ContentType?.MediaType);
            var body = JsonNode.Parse(await answer.Content.ReadAsStringAsync())!;
            if (answer.StatusCode != HttpStatusCode.Created)
                Assert.True(answer.StatusCode == HttpStatusCode.Conflict && (string?)body["scimType"] == "uniqueness", body.ToJsonString());
        }
        Assert.Single(answers, a => a.StatusCode == HttpStatusCode.Created);
        Assert.Equal(1, await App.PeopleCount());
    }
}
