using System.Net;
using System.Text.Json.Nodes;
using Flipside.Domain;
using Flipside.Tests.People;
using Flipside.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static Flipside.Tests.Scim.ScimClient;

namespace Flipside.Tests.Scim;

/// <summary>
/// SCIM Groups as Flipside's roles, driven in the shapes Okta's group push and Entra's provisioning service send
/// (developer.okta.com "SCIM 2.0 Groups"; learn.microsoft.com "Develop and plan provisioning for a SCIM endpoint").
/// </summary>
public sealed class GroupTests(FlipsideFactory app) : AdministeredTests(app)
{
    private const string Group = "urn:ietf:params:scim:schemas:core:2.0:Group";

    private static JsonArray Members(params string[] ids) => [.. ids.Select(id => (JsonNode)new JsonObject { ["value"] = id })];

    private Task<Guid> PersonId(string employeeId) => App.Query(db => db.People.Where(p => p.EmployeeId == employeeId).Select(p => p.Id).SingleAsync());

    private Task<List<string>> RolesOf(string email) => App.Query(db => (from link in db.UserRoles
                                                                         join r in db.Roles on link.RoleId equals r.Id
                                                                         join u in db.Users on link.UserId equals u.Id
                                                                         where u.Email == email
                                                                         orderby r.Name
                                                                         select r.Name!).ToListAsync());

    [Fact]
    public async Task OktasGroupPush_FindsTheGroup_AddsMembersWithAccounts_RemovesOne_AndReplacesTheList()
    {
        await Admin.Applied(PeopleFiles.Csv(PeopleFiles.Row("E1"), PeopleFiles.Row("E2")));
        var okta = For(App, await MakeToken(Admin));
        var (e1, e2) = ((await PersonId("E1")).ToString(), (await PersonId("E2")).ToString());

        var found = await okta.Send("GET", "/Groups?filter=displayName%20eq%20%22Sponsor%22&startIndex=1&count=100").Expect(HttpStatusCode.OK);
        var group = Assert.Single(found["Resources"]!.AsArray())!;
        Assert.Equal(("Sponsor", "Sponsor"), ((string?)group["id"], (string?)group["displayName"]));
        Assert.Empty(group["members"]!.AsArray());

        var added = await okta.Send("PATCH", "/Groups/Sponsor", Patch(Op("add", "members", Members(e1, e2)))).Expect(HttpStatusCode.OK);
        Assert.Equal([e1, e2], added["members"]!.AsArray().Select(m => (string)m!["value"]!));
        Assert.Equal(["Participant", "Sponsor"], await RolesOf("e1@example.com"));
        Assert.Equal(["Participant", "Sponsor"], await RolesOf("e2@example.com"));

        // Okta repeats the group's id and name on every push; the name stays as it is.
        await okta.Send("PATCH", "/Groups/Sponsor", Patch(Op("replace", null, new JsonObject { ["id"] = "Sponsor", ["displayName"] = "Sponsor" }))).Expect(HttpStatusCode.OK);
        await okta.Send("PATCH", "/Groups/Sponsor", Patch(Op("remove", $"members[value eq \"{e1}\"]", null))).Expect(HttpStatusCode.OK);
        Assert.Equal(["Participant"], await RolesOf("e1@example.com"));

        var put = new JsonObject { ["schemas"] = new JsonArray(Group), ["id"] = "Sponsor", ["displayName"] = "Sponsor", ["members"] = Members(e1) };
        var replaced = await okta.Send("PUT", "/Groups/Sponsor", put).Expect(HttpStatusCode.OK);
        Assert.Equal([e1], replaced["members"]!.AsArray().Select(m => (string)m!["value"]!));
        Assert.Equal(["Participant", "Sponsor"], await RolesOf("e1@example.com"));
        Assert.Equal(["Participant"], await RolesOf("e2@example.com"));

        var audit = await App.Query(db => db.AuditLog.Where(a => a.Actor == "SCIM token Okta").OrderBy(a => a.Id).Select(a => new { a.Action, a.Summary }).ToListAsync());
        Assert.Equal(["account.created", "account.roles-changed", "account.created", "account.roles-changed", "account.roles-changed", "account.roles-changed",
            "account.roles-changed"], audit.Select(a => a.Action));
        Assert.Equal("e2@example.com: removed Sponsor (SCIM group Sponsor)", audit[^1].Summary);
    }

    [Fact]
    public async Task EntrasSequence_ReadsWithoutMembers_AddsAndRemovesByValue_AndProbesMembership()
    {
        await Admin.Applied(PeopleFiles.Csv(PeopleFiles.Row("E1")));
        var entra = For(App, await MakeToken(Admin, "Entra"));
        var e1 = (await PersonId("E1")).ToString();
        var probe = $"/Groups?filter=id%20eq%20%22ProgramManager%22%20and%20members%5Bvalue%20eq%20%22{e1}%22%5D&excludedAttributes=members";

        var found = await entra.Send("GET", "/Groups?excludedAttributes=members&filter=displayName%20eq%20%22Program%20manager%22").Expect(HttpStatusCode.OK);
        var group = Assert.Single(found["Resources"]!.AsArray())!.AsObject();
        Assert.Equal("ProgramManager", (string?)group["id"]);
        Assert.False(group.ContainsKey("members"));
        Assert.Equal(0, (int)(await entra.Send("GET", probe).Expect(HttpStatusCode.OK))["totalResults"]!);

        await entra.Send("PATCH", "/Groups/ProgramManager", Patch(Op("Add", "members", Members(e1)))).Expect(HttpStatusCode.OK);
        Assert.Equal(["Participant", "ProgramManager"], await RolesOf("e1@example.com"));
        Assert.Equal(1, (int)(await entra.Send("GET", probe).Expect(HttpStatusCode.OK))["totalResults"]!);

        // Entra names the members to remove as a value rather than in the path.
        await entra.Send("PATCH", "/Groups/ProgramManager", Patch(Op("Remove", "members", Members(e1)))).Expect(HttpStatusCode.OK);
        Assert.Equal(["Participant"], await RolesOf("e1@example.com"));
        Assert.Equal(0, (int)(await entra.Send("GET", probe).Expect(HttpStatusCode.OK))["totalResults"]!);
        var read = await entra.Send("GET", "/Groups/ProgramManager").Expect(HttpStatusCode.OK);
        Assert.Empty(read["members"]!.AsArray());
    }

    [Fact]
    public async Task Discovery_AdvertisesGroups()
    {
        var idp = For(App, await MakeToken(Admin));

        var types = await idp.Send("GET", "/ResourceTypes").Expect(HttpStatusCode.OK);
        var schemas = await idp.Send("GET", "/Schemas").Expect(HttpStatusCode.OK);
        var list = await idp.Send("GET", "/Groups").Expect(HttpStatusCode.OK);

        Assert.Contains("/Groups", types["Resources"]!.AsArray().Select(t => (string?)t!["endpoint"]));
        Assert.Contains(Group, schemas["Resources"]!.AsArray().Select(s => (string?)s!["id"]));
        Assert.Equal("Group", (string?)(await idp.Send("GET", "/ResourceTypes/Group").Expect(HttpStatusCode.OK))["id"]);
        Assert.Equal(Group, (string?)(await idp.Send("GET", $"/Schemas/{Group}").Expect(HttpStatusCode.OK))["id"]);
        Assert.Equal(Roles.All, list["Resources"]!.AsArray().Select(g => (string)g!["id"]!));
        // The setup administrator is no directory person, so no SCIM User and no member.
        Assert.Empty(list["Resources"]![0]!["members"]!.AsArray());
    }

    [Fact]
    public async Task BadInput_GetsScimErrors_AndChangesNothing()
    {
        await Admin.Applied(PeopleFiles.Csv(PeopleFiles.Row("E1"), PeopleFiles.Row("L1", status: "left")));
        var idp = For(App, await MakeToken(Admin));
        var e1 = (await PersonId("E1")).ToString();

        await idp.Send("GET", "/Groups/Auditors").Refused(HttpStatusCode.NotFound, null);
        await idp.Send("GET", "/Groups?filter=members%20pr").Refused(HttpStatusCode.BadRequest, "invalidFilter");
        await idp.Send("POST", "/Groups", new JsonObject { ["schemas"] = new JsonArray(Group), ["displayName"] = "Auditors" }).Refused(HttpStatusCode.BadRequest, "mutability");
        await idp.Send("DELETE", "/Groups/Sponsor").Refused(HttpStatusCode.BadRequest, "mutability");
        await idp.Send("PATCH", "/Groups/Sponsor", Patch(Op("replace", "displayName", "Auditors"))).Refused(HttpStatusCode.BadRequest, "mutability");
        await idp.Send("PATCH", "/Groups/Sponsor", new JsonObject { ["schemas"] = new JsonArray(User), ["Operations"] = new JsonArray(Op("add", "members", Members(e1))) })
            .Refused(HttpStatusCode.BadRequest, "invalidSyntax");
        await idp.Send("PATCH", "/Groups/Sponsor", Patch(Op("add", $"members[value eq \"{e1}\"]", Members(e1)))).Refused(HttpStatusCode.BadRequest, "invalidPath");
        await idp.Send("PATCH", "/Groups/Sponsor", Patch(Op("add", "members", new JsonArray("not-an-object")))).Refused(HttpStatusCode.BadRequest, "invalidSyntax");
        await idp.Send("PUT", "/Groups/Sponsor", new JsonObject { ["schemas"] = new JsonArray(Group), ["displayName"] = "Sponsor", ["owner"] = "x" })
            .Refused(HttpStatusCode.BadRequest, "invalidSyntax");
        // One good member and one unknown: nothing of the request is kept.
        await idp.Send("PATCH", "/Groups/Sponsor", Patch(Op("add", "members", Members(e1, Guid.NewGuid().ToString())))).Refused(HttpStatusCode.BadRequest, "invalidValue");
        await idp.Send("PATCH", "/Groups/Sponsor", Patch(Op("add", "members", Members(e1, (await PersonId("L1")).ToString())))).Refused(HttpStatusCode.BadRequest, "invalidValue");

        Assert.Empty(await App.Query(db => db.Users.Where(u => u.Email != "ada@example.com").ToListAsync()));
    }

    [Fact]
    public async Task TheLastAdministrator_IsNotRemovedBySCIM()
    {
        await Admin.Applied(PeopleFiles.Csv(PeopleFiles.Row("A1", email: Given.AdminEmail)));
        var idp = For(App, await MakeToken(Admin));
        var ada = (await PersonId("A1")).ToString();
        Assert.Equal([ada], (await idp.Send("GET", "/Groups/Administrator").Expect(HttpStatusCode.OK))["members"]!.AsArray().Select(m => (string)m!["value"]!));

        var empty = new JsonObject { ["schemas"] = new JsonArray(Group), ["displayName"] = "Administrator", ["members"] = new JsonArray() };
        await idp.Send("PUT", "/Groups/Administrator", empty).Refused(HttpStatusCode.Conflict, null);

        Assert.Contains(Roles.Administrator, await RolesOf(Given.AdminEmail));
    }
}
