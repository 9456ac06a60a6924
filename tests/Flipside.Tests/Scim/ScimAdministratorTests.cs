using System.Net;
using System.Text.Json.Nodes;
using Flipside.Domain;
using Flipside.Tests.People;
using Flipside.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static Flipside.Tests.Scim.ScimClient;

namespace Flipside.Tests.Scim;

/// <summary>A SCIM token never makes an administrator, by group or by attribute; each attempt is audited; a revoked token is audited once a minute.</summary>
public sealed class ScimAdministratorTests(FlipsideFactory app) : AdministeredTests(app)
{
    private const string Group = "urn:ietf:params:scim:schemas:core:2.0:Group";

    private Task<List<string>> Administrators() => App.Query(db => (from link in db.UserRoles
                                                                    join r in db.Roles on link.RoleId equals r.Id
                                                                    join u in db.Users on link.UserId equals u.Id
                                                                    where r.Name == Roles.Administrator
                                                                    select u.Email!).ToListAsync());

    private Task<int> Refusals() => App.Query(db => db.AuditLog.CountAsync(a => a.Action == "scim.administrator-refused" && a.Actor == "SCIM token Okta"));

    [Fact]
    public async Task AddingToTheAdministratorGroup_IsRefusedAsMutability_AndAudited()
    {
        await Admin.Applied(PeopleFiles.Csv(PeopleFiles.Row("A1", email: Given.AdminEmail), PeopleFiles.Row("E1")));
        var ids = await App.Query(db => db.People.ToDictionaryAsync(p => p.EmployeeId, p => p.Id.ToString()));
        var idp = For(App, await MakeToken(Admin));

        var patched = await idp.Send("PATCH", "/Groups/Administrator", Patch(Op("add", "members", new JsonArray(new JsonObject { ["value"] = ids["E1"] }))))
            .Refused(HttpStatusCode.BadRequest, "mutability");
        Assert.Contains("Accounts page", (string?)patched["detail"], StringComparison.Ordinal);
        var put = new JsonObject
        {
            ["schemas"] = new JsonArray(Group), ["displayName"] = "Administrator",
            ["members"] = new JsonArray(new JsonObject { ["value"] = ids["A1"] }, new JsonObject { ["value"] = ids["E1"] }),
        };
        await idp.Send("PUT", "/Groups/Administrator", put).Refused(HttpStatusCode.BadRequest, "mutability");

        Assert.Equal([Given.AdminEmail], await Administrators());
        Assert.False(await App.Query(db => db.Users.AnyAsync(u => u.Email == "e1@example.com")));
        Assert.Equal(2, await Refusals());
        // The members it already has are no change, and go through.
        put["members"] = new JsonArray(new JsonObject { ["value"] = ids["A1"] });
        await idp.Send("PUT", "/Groups/Administrator", put).Expect(HttpStatusCode.OK);
    }

    [Fact]
    public async Task RolesOrEntitlementsNamingAdministrator_AreRefused_AndNothingIsCreated()
    {
        var idp = For(App, await MakeToken(Admin));
        var user = new JsonObject
        {
            ["schemas"] = new JsonArray(User), ["userName"] = "grace@example.com",
            ["roles"] = new JsonArray(new JsonObject { ["value"] = "administrator", ["primary"] = true }),
        };
        await idp.Send("POST", "/Users", user).Refused(HttpStatusCode.BadRequest, "mutability");
        Assert.Equal(0, await App.PeopleCount());

        user.Remove("roles");
        var created = await idp.Send("POST", "/Users", user).Expect(HttpStatusCode.Created);
        await idp.Send("PATCH", $"/Users/{created["id"]}", Patch(Op("add", "entitlements", new JsonArray(new JsonObject { ["value"] = "Administrator" }))))
            .Refused(HttpStatusCode.BadRequest, "mutability");
        Assert.Equal(2, await Refusals());
        Assert.Equal([Given.AdminEmail], await Administrators());
    }

    [Fact]
    public async Task ARevokedTokenInALoop_IsAuditedOnceAMinute()
    {
        var idp = For(App, await MakeToken(Admin));
        var id = await App.Query(db => db.ScimTokens.Select(t => t.Id).SingleAsync());
        await Admin.Submit("/Scim/Tokens", new Dictionary<string, string>(), $"/Scim/Tokens?handler=Revoke&id={id}");
        Task<int> Audited() => App.Query(db => db.AuditLog.CountAsync(a => a.Action == "scim-token.refused"));

        for (var i = 0; i < 5; i++) await idp.Send("GET", "/Users").Refused(HttpStatusCode.Unauthorized, null);
        Assert.Equal(1, await Audited());
        App.Clock.Advance(TimeSpan.FromSeconds(61));
        await idp.Send("GET", "/Users").Refused(HttpStatusCode.Unauthorized, null);
        await idp.Send("GET", "/Users").Refused(HttpStatusCode.Unauthorized, null);
        Assert.Equal(2, await Audited());
        // A token Flipside never made is no token's misuse: logged, never audited.
        await For(App, "made-up").Send("GET", "/Users").Refused(HttpStatusCode.Unauthorized, null);
        Assert.Equal(2, await Audited());
    }
}
