using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Flipside.Domain;
using Flipside.Tests.People;
using Flipside.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static Flipside.Tests.Scim.ScimClient;

namespace Flipside.Tests.Scim;

/// <summary>The break-glass administrator (Sso:BreakGlassEmail) is the way in when the provider fails: SCIM never takes Administrator from it.</summary>
public sealed class GroupBreakGlassTests
{
    [Fact]
    public async Task TheBreakGlassAdministrator_StaysInAdministrator_WhateverTheIdPSends()
    {
        // Nothing listens on the discard port: single sign-on is configured, and the provider is never asked.
        using var app = new FlipsideFactory().With("Sso:Authority", "http://127.0.0.1:9/").With("Sso:ClientId", "flipside")
            .With("Sso:Only", "true").With("Sso:BreakGlassEmail", Given.AdminEmail);
        var admin = await Given.AnAdministrator(app);
        await admin.Applied(PeopleFiles.Csv(PeopleFiles.Row("A1", email: Given.AdminEmail), PeopleFiles.Row("E1")));
        var idp = For(app, await MakeToken(admin));
        var (ada, e1) = await app.Query(async db => (
            (await db.People.SingleAsync(p => p.EmployeeId == "A1")).Id.ToString(), (await db.People.SingleAsync(p => p.EmployeeId == "E1")).Id.ToString()));
        // A second administrator, made where administrators are made (SCIM may not): the break-glass one is then not the last.
        await idp.Send("PATCH", "/Groups/Participant", Patch(Op("add", "members", new JsonArray(new JsonObject { ["value"] = e1 })))).Expect(HttpStatusCode.OK);
        var e1Account = await app.Query(db => db.Users.Where(u => u.Email == "e1@example.com").Select(u => u.Id).SingleAsync());
        var promoted = await admin.PutAsJsonAsync($"/api/v1/admin/users/{e1Account}/roles", new { roles = new[] { Roles.Administrator, Roles.Participant } });
        Assert.True(promoted.IsSuccessStatusCode, await promoted.Content.ReadAsStringAsync());

        var refused = await idp.Send("PATCH", "/Groups/Administrator", Patch(Op("remove", $"members[value eq \"{ada}\"]", null))).Refused(HttpStatusCode.BadRequest, "mutability");
        Assert.Contains("break-glass", (string?)refused["detail"], StringComparison.Ordinal);
        var put = new JsonObject { ["schemas"] = new JsonArray("urn:ietf:params:scim:schemas:core:2.0:Group"), ["displayName"] = "Administrator", ["members"] = new JsonArray() };
        var replaced = await idp.Send("PUT", "/Groups/Administrator", put).Expect(HttpStatusCode.OK);

        Assert.Equal([ada], replaced["members"]!.AsArray().Select(m => (string)m!["value"]!));
        var admins = await app.Query(db => (from link in db.UserRoles
                                            join r in db.Roles on link.RoleId equals r.Id
                                            join u in db.Users on link.UserId equals u.Id
                                            where r.Name == Roles.Administrator
                                            select u.Email!).ToListAsync());
        Assert.Equal([Given.AdminEmail], admins);
    }

    [Fact]
    public async Task DeactivatingTheBreakGlassOrTheLastAdministrator_IsRefused_AndTheyStayActive()
    {
        using var app = new FlipsideFactory().With("Sso:Authority", "http://127.0.0.1:9/").With("Sso:ClientId", "flipside")
            .With("Sso:BreakGlassEmail", "glass@example.com");
        var admin = await Given.AnAdministrator(app);
        await admin.Applied(PeopleFiles.Csv(PeopleFiles.Row("A1", email: Given.AdminEmail)));
        var idp = For(app, await MakeToken(admin));
        var ada = await app.Query(async db => (await db.People.SingleAsync(p => p.EmployeeId == "A1")).Id.ToString());

        // The only administrator: neither PATCH active:false nor DELETE may end their account.
        var patched = await idp.Send("PATCH", $"/Users/{ada}", Patch(Op("replace", "active", false))).Refused(HttpStatusCode.BadRequest, "mutability");
        Assert.Contains("last active administrator", (string?)patched["detail"], StringComparison.Ordinal);
        await idp.Send("DELETE", $"/Users/{ada}").Refused(HttpStatusCode.BadRequest, "mutability");
        var (status, active) = await app.Query(async db => (
            (await db.People.SingleAsync(p => p.EmployeeId == "A1")).Status, (await db.Users.SingleAsync(u => u.Email == Given.AdminEmail)).IsActive));
        Assert.Equal(PersonStatus.Active, status);
        Assert.True(active);
    }
}
