using System.Net;
using System.Net.Http.Json;
using Flipside.Domain;
using Flipside.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Flipside.Tests.Audit;

/// <summary>What the audit log records besides the use cases' own entries: sign-ins, refused access and exports.</summary>
public sealed class AuditedEventsTests(FlipsideFactory app) : AdministeredTests(app)
{
    private const string Tried = "Wrong horse battery 77";

    private Task<List<AuditEntry>> Entries(string action) =>
        App.Query(db => db.AuditLog.Where(a => a.Action == action).OrderBy(a => a.Id).ToListAsync());

    [Fact]
    public async Task SignIn_Failures_AreAuditedWithTheEmailTried_NeverThePassword()
    {
        await Given.AnAccount(App, Admin, "pat@example.com", Roles.Participant);

        var wrong = await App.Browser().PostAsJsonAsync("/api/v1/account/sign-in", new { email = "pat@example.com", password = Tried });
        var unknown = await App.Browser().PostAsJsonAsync("/api/v1/account/sign-in", new { email = "nobody@example.com", password = Tried });

        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, unknown.StatusCode);
        var refused = await Entries("account.sign-in-refused");
        Assert.Equal(["pat@example.com", "nobody@example.com"], refused.Select(e => e.RecordId));
        Assert.Contains("wrong password", refused[0].Summary);
        Assert.Contains("no account", refused[1].Summary);
        var everything = await App.Query(db => db.AuditLog.Select(a => a.Actor + a.Action + a.RecordType + a.RecordId + a.Summary).ToListAsync());
        Assert.DoesNotContain(everything, text => text.Contains(Tried, StringComparison.Ordinal));
    }

    [Fact]
    public async Task SignIn_Success_IsAuditedForTheAccount()
    {
        await Given.AnAccount(App, Admin, "pat@example.com", Roles.Participant);

        var signedIn = await Entries("account.signed-in");

        var pat = await App.Query(db => db.Users.Where(u => u.Email == "pat@example.com").Select(u => u.Id).SingleAsync());
        Assert.Contains(signedIn, e => e.Actor == pat && e.RecordId == pat && e.Summary.Contains("pat@example.com"));
    }

    [Fact]
    public async Task RefusedAccess_ToARecordOutOfScope_IsAuditedWithItsId()
    {
        var program = (await Seed.AProgram(App, Given.AdminEmail)).ProgramId;
        var manager = await Given.AnAccount(App, Admin, "mo@example.com", Roles.ProgramManager);
        var participant = await Given.AnAccount(App, Admin, "pat@example.com", Roles.Participant);
        var message = Guid.NewGuid();

        var notTheirs = await manager.GetAsync($"/api/v1/programs/{program}");
        var adminPage = await participant.GetAsync($"/Admin/OutboxMessage?id={message}");
        var ownList = await manager.GetAsync("/api/v1/programs");

        Assert.Equal(HttpStatusCode.NotFound, notTheirs.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, adminPage.StatusCode);
        Assert.Equal(HttpStatusCode.OK, ownList.StatusCode);
        var refused = await Entries("access.refused");
        var mo = await App.Query(db => db.Users.Where(u => u.Email == "mo@example.com").Select(u => u.Id).SingleAsync());
        var pat = await App.Query(db => db.Users.Where(u => u.Email == "pat@example.com").Select(u => u.Id).SingleAsync());
        Assert.Equal(2, refused.Count);
        Assert.Equal((mo, program.ToString()), (refused[0].Actor, refused[0].RecordId));
        Assert.Contains("404", refused[0].Summary);
        Assert.Equal((pat, message.ToString()), (refused[1].Actor, refused[1].RecordId));
    }

    [Fact]
    public async Task AnUnknownAddressWithoutAnId_IsNotAnIncident()
    {
        var missing = await Admin.GetAsync("/api/v1/no-such-thing");

        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Empty(await Entries("access.refused"));
    }

    [Fact]
    public async Task Exports_AreAudited()
    {
        var csv = await Admin.GetAsync("/api/v1/audit.csv?action=account");
        var list = await Admin.GetAsync("/api/v1/audit");

        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        var exported = Assert.Single(await Entries("export.downloaded"));
        Assert.Contains("/api/v1/audit.csv", exported.Summary);
        Assert.DoesNotContain("action=account", exported.Summary);
    }

    [Fact]
    public async Task AccountsAndPrograms_CreatedOrChanged_AreAudited()
    {
        await Given.AnAccount(App, Admin, "pat@example.com", Roles.Participant);
        var created = await Admin.PostAsJsonAsync("/api/v1/programs", new
        {
            name = "Audited program",
            objectives = new[] { new { title = "Why", measures = new[] { new { name = "Ideas raised to leadership", target = 3 } } } },
        });

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var accounts = await Entries("account.created");
        Assert.Equal(2, accounts.Count);
        Assert.Contains("first administrator", accounts[0].Summary);
        Assert.Contains("pat@example.com", accounts[1].Summary);
        Assert.Equal("Audited program", Assert.Single(await Entries("program.created")).Summary);
    }
}
