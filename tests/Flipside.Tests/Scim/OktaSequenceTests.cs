using System.Net;
using System.Text.Json.Nodes;
using Flipside.Tests.People;
using Flipside.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static Flipside.Tests.Scim.ScimClient;

namespace Flipside.Tests.Scim;

/// <summary>
/// The requests Okta's SCIM 2.0 test suite makes, in its order and shapes (developer.okta.com, "Okta and SCIM Version
/// 2.0", and Okta's Runscope SCIM test suite): list, look up by userName, create with Okta's attributes, read, update with
/// a full PUT, deactivate and reactivate with a PATCH that has no path.
/// </summary>
public sealed class OktaSequenceTests(FlipsideFactory app) : AdministeredTests(app)
{
    private static JsonObject OktaUser(string userName, string given, string family) => new()
    {
        ["schemas"] = new JsonArray(User),
        ["userName"] = userName,
        ["name"] = new JsonObject { ["givenName"] = given, ["familyName"] = family },
        ["emails"] = new JsonArray(new JsonObject { ["primary"] = true, ["value"] = userName, ["type"] = "work" }),
        ["displayName"] = $"{given} {family}",
        ["locale"] = "en-US",
        ["externalId"] = "00ujl29u0le5T6Aj10h7",
        ["groups"] = new JsonArray(),
        ["password"] = "1mz050nq",
        ["active"] = true,
    };

    [Fact]
    public async Task OktasTestSuite_CreatesFindsUpdatesDeactivatesAndReactivates()
    {
        await Admin.Applied(PeopleFiles.Csv(PeopleFiles.Row("E1")));
        var okta = For(App, await MakeToken(Admin));

        var list = await okta.Send("GET", "/Users?count=2&startIndex=1").Expect(HttpStatusCode.OK);
        Assert.Equal("urn:ietf:params:scim:api:messages:2.0:ListResponse", (string?)list["schemas"]![0]);
        Assert.Equal((1, 1, 1), ((int)list["totalResults"]!, (int)list["startIndex"]!, (int)list["itemsPerPage"]!));
        Assert.Equal("e1@example.com", (string?)list["Resources"]![0]!["userName"]);

        var none = await okta.Send("GET", "/Users?filter=userName%20eq%20%22test.user%40okta.local%22&startIndex=1&count=100").Expect(HttpStatusCode.OK);
        Assert.Equal(0, (int)none["totalResults"]!);
        Assert.Empty(none["Resources"]!.AsArray());

        var created = await okta.Send("POST", "/Users", OktaUser("test.user@okta.local", "Test", "User")).Expect(HttpStatusCode.Created);
        var id = (string)created["id"]!;
        Assert.Equal("test.user@okta.local", (string?)created["userName"]);
        Assert.Equal("User", (string?)created["name"]!["familyName"]);
        Assert.Equal("Test", (string?)created["name"]!["givenName"]);
        Assert.True((bool)created["active"]!);
        Assert.Equal("00ujl29u0le5T6Aj10h7", (string?)created["externalId"]);
        var person = await App.Query(db => db.People.SingleAsync(p => p.Id == Guid.Parse(id)));
        Assert.Equal(("Test User", "test.user@okta.local", "test.user@okta.local", "Unassigned", "UTC", 1),
            (person.Name, person.Email, person.EmployeeId, person.Department, person.TimeZone, person.Grade));

        var read = await okta.Send("GET", $"/Users/{id}").Expect(HttpStatusCode.OK);
        Assert.Equal(id, (string?)read["id"]);
        Assert.EndsWith($"/scim/v2/Users/{id}", (string?)read["meta"]!["location"], StringComparison.Ordinal);
        var found = await okta.Send("GET", "/Users?filter=userName%20eq%20%22Test.User%40okta.local%22&startIndex=1&count=100").Expect(HttpStatusCode.OK);
        Assert.Equal(id, (string?)Assert.Single(found["Resources"]!.AsArray())!["id"]);

        var updated = OktaUser("test.user@okta.local", "Another", "User");
        updated["id"] = id;
        var put = await okta.Send("PUT", $"/Users/{id}", updated).Expect(HttpStatusCode.OK);
        Assert.Equal("Another", (string?)put["name"]!["givenName"]);
        Assert.Equal("Another User", await App.Query(db => db.People.Where(p => p.Id == Guid.Parse(id)).Select(p => p.Name).SingleAsync()));

        var off = await okta.Send("PATCH", $"/Users/{id}", Patch(Op("replace", null, new JsonObject { ["active"] = false }))).Expect(HttpStatusCode.OK);
        Assert.False((bool)off["active"]!);
        Assert.Equal(Domain.PersonStatus.Left, await App.Query(db => db.People.Where(p => p.Id == Guid.Parse(id)).Select(p => p.Status).SingleAsync()));
        var on = await okta.Send("PATCH", $"/Users/{id}", Patch(Op("replace", null, new JsonObject { ["active"] = true }))).Expect(HttpStatusCode.OK);
        Assert.True((bool)on["active"]!);
        Assert.Equal(Domain.PersonStatus.Active, await App.Query(db => db.People.Where(p => p.Id == Guid.Parse(id)).Select(p => p.Status).SingleAsync()));

        await okta.Send("GET", $"/Users/{Guid.NewGuid()}").Refused(HttpStatusCode.NotFound, null);
        var actions = await App.Query(db => db.AuditLog.Where(a => a.RecordId == id).OrderBy(a => a.Id).Select(a => new { a.Action, a.Actor }).ToListAsync());
        Assert.Equal(["person.created", "person.changed", "person.changed", "person.changed"], actions.Select(a => a.Action));
        Assert.All(actions, a => Assert.Equal("SCIM token Okta", a.Actor));
    }

    [Fact]
    public async Task DiscoveryEndpoints_DescribeWhatFlipsideTakes()
    {
        var okta = For(App, await MakeToken(Admin));
        var config = await okta.Send("GET", "/ServiceProviderConfig").Expect(HttpStatusCode.OK);
        Assert.True((bool)config["patch"]!["supported"]!);
        Assert.True((bool)config["filter"]!["supported"]!);
        Assert.Equal("oauthbearertoken", (string?)config["authenticationSchemes"]![0]!["type"]);
        var types = await okta.Send("GET", "/ResourceTypes").Expect(HttpStatusCode.OK);
        Assert.Equal("/Users", (string?)types["Resources"]![0]!["endpoint"]);
        var schemas = await okta.Send("GET", "/Schemas").Expect(HttpStatusCode.OK);
        Assert.Equal([User, Enterprise, FlipsideExtension, "urn:ietf:params:scim:schemas:core:2.0:Group"], schemas["Resources"]!.AsArray().Select(s => (string?)s!["id"]));
        var enterprise = await okta.Send("GET", $"/Schemas/{Enterprise}").Expect(HttpStatusCode.OK);
        Assert.Contains(enterprise["attributes"]!.AsArray(), a => (string?)a!["name"] == "manager");
    }
}
