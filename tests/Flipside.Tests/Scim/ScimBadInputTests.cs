using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Flipside.Tests.People;
using Flipside.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static Flipside.Tests.Scim.ScimClient;

namespace Flipside.Tests.Scim;

/// <summary>Every refusal is a SCIM error body with its scimType, and a refused request leaves the directory as it was.</summary>
public sealed class ScimBadInputTests(FlipsideFactory app) : AdministeredTests(app)
{
    private static JsonObject AUser(string userName) => new()
    {
        ["schemas"] = new JsonArray(User),
        ["userName"] = userName,
        ["name"] = new JsonObject { ["givenName"] = "Ada", ["familyName"] = "Lovelace" },
    };

    private async Task<HttpClient> Idp() => For(App, await MakeToken(Admin));

    [Fact]
    public async Task AnUnknownAttribute_IsRefused_AndNothingIsCreated()
    {
        var idp = await Idp();
        var body = AUser("ada@example.com");
        body["favouriteColour"] = "green";
        var error = await idp.Send("POST", "/Users", body).Refused(HttpStatusCode.BadRequest, "invalidSyntax");
        Assert.Contains("favouriteColour", (string?)error["detail"], StringComparison.Ordinal);
        var nested = AUser("ada@example.com");
        nested[Enterprise] = new JsonObject { ["shoeSize"] = 9 };
        await idp.Send("POST", "/Users", nested).Refused(HttpStatusCode.BadRequest, "invalidSyntax");
        Assert.Equal(0, await App.PeopleCount());
    }

    [Fact]
    public async Task AWrongSchema_IsRefused()
    {
        var idp = await Idp();
        var body = AUser("ada@example.com");
        body["schemas"] = new JsonArray("urn:ietf:params:scim:schemas:core:2.0:Group");
        var error = await idp.Send("POST", "/Users", body).Refused(HttpStatusCode.BadRequest, "invalidSyntax");
        Assert.Contains("urn:ietf:params:scim:schemas:core:2.0:Group", (string?)error["detail"], StringComparison.Ordinal);
        body.Remove("schemas");
        await idp.Send("POST", "/Users", body).Refused(HttpStatusCode.BadRequest, "invalidSyntax");
        var patchWithoutPatchOp = new JsonObject { ["schemas"] = new JsonArray(User), ["Operations"] = new JsonArray(Op("replace", "title", "x")) };
        var created = await idp.Send("POST", "/Users", AUser("ada@example.com")).Expect(HttpStatusCode.Created);
        await idp.Send("PATCH", $"/Users/{created["id"]}", patchWithoutPatchOp).Refused(HttpStatusCode.BadRequest, "invalidSyntax");
        Assert.Equal(1, await App.PeopleCount());
    }

    [Fact]
    public async Task AUserNameAlreadyUsed_IsAUniquenessConflict()
    {
        await Admin.Applied(PeopleFiles.Csv(PeopleFiles.Row("E1", email: "grace@example.com")));
        var idp = await Idp();
        await idp.Send("POST", "/Users", AUser("ada@example.com")).Expect(HttpStatusCode.Created);
        await idp.Send("POST", "/Users", AUser("ADA@example.com")).Refused(HttpStatusCode.Conflict, "uniqueness");
        // An imported person's email is their userName until an IdP links them, so it is taken too.
        await idp.Send("POST", "/Users", AUser("grace@example.com")).Refused(HttpStatusCode.Conflict, "uniqueness");
        // A different userName with an email someone else has.
        var withEmail = AUser("hopper@corp.example.com");
        withEmail["emails"] = new JsonArray(new JsonObject { ["value"] = "grace@example.com", ["primary"] = true });
        await idp.Send("POST", "/Users", withEmail).Refused(HttpStatusCode.Conflict, "uniqueness");
        Assert.Equal(2, await App.PeopleCount());
    }

    [Fact]
    public async Task AManagerCycle_IsRefused_AndNoOperationOfThePatchIsKept()
    {
        await Admin.Applied(PeopleFiles.Csv(PeopleFiles.Row("A1"), PeopleFiles.Row("A2", manager: "A1"), PeopleFiles.Row("A3", manager: "A2")));
        var ids = await App.Query(db => db.People.ToDictionaryAsync(p => p.EmployeeId, p => p.Id));
        var idp = await Idp();
        var error = await idp.Send("PATCH", $"/Users/{ids["A1"]}", Patch(
            Op("replace", "title", "Chief"),
            Op("add", $"{Enterprise}:manager", new JsonObject { ["value"] = ids["A3"].ToString() }))).Refused(HttpStatusCode.BadRequest, "invalidValue");
        Assert.Contains("A1 → A3 → A2 → A1", (string?)error["detail"], StringComparison.Ordinal);
        var a1 = await App.Query(db => db.People.AsNoTracking().SingleAsync(p => p.EmployeeId == "A1"));
        Assert.Equal(("Engineer", null), (a1.Title, a1.ManagerEmployeeId));
        // Their own manager, by employee id, through a PUT.
        var self = AUser("a1@example.com");
        self[Enterprise] = new JsonObject { ["manager"] = new JsonObject { ["value"] = "A1" } };
        await idp.Send("PUT", $"/Users/{ids["A1"]}", self).Refused(HttpStatusCode.BadRequest, "invalidValue");
        Assert.Equal(0, await App.Query(db => db.AuditLog.CountAsync(a => a.RecordType == "Person")));
    }

    [Fact]
    public async Task AFiveMegabyteBody_IsRefusedAsTooLarge()
    {
        var idp = await Idp();
        var body = AUser("ada@example.com");
        body["title"] = new string('x', 5 * 1024 * 1024);
        await idp.Send("POST", "/Users", body).Refused(HttpStatusCode.RequestEntityTooLarge, null);
        // Sent without a length: counted as it is read.
        var unsized = new HttpRequestMessage(HttpMethod.Post, "/scim/v2/Users") { Content = new UnsizedContent(Encoding.UTF8.GetBytes(body.ToJsonString())) };
        await idp.SendAsync(unsized).Refused(HttpStatusCode.RequestEntityTooLarge, null);
        Assert.Equal(0, await App.PeopleCount());
    }

    [Fact]
    public async Task FieldsTheImportChecks_AreCheckedTheSameWay()
    {
        var idp = await Idp();
        var badZone = AUser("ada@example.com");
        badZone["timezone"] = "Mars/Olympus";
        var zone = await idp.Send("POST", "/Users", badZone).Refused(HttpStatusCode.BadRequest, "invalidValue");
        Assert.Contains("TimeZone", (string?)zone["detail"], StringComparison.Ordinal);
        var badGrade = AUser("ada@example.com");
        badGrade[FlipsideExtension] = new JsonObject { ["grade"] = 11 };
        badGrade["schemas"] = new JsonArray(User, FlipsideExtension);
        var grade = await idp.Send("POST", "/Users", badGrade).Refused(HttpStatusCode.BadRequest, "invalidValue");
        Assert.Contains("from 1 (entry level) to 10 (executive)", (string?)grade["detail"], StringComparison.Ordinal);
        var unknownManager = AUser("ada@example.com");
        unknownManager[Enterprise] = new JsonObject { ["manager"] = new JsonObject { ["value"] = Guid.NewGuid().ToString() } };
        await idp.Send("POST", "/Users", unknownManager).Refused(HttpStatusCode.BadRequest, "invalidValue");
        Assert.Equal(0, await App.PeopleCount());
    }

    [Fact]
    public async Task MalformedRequests_GetSCIMErrors()
    {
        var idp = await Idp();
        await idp.Send("POST", "/Users", "{not json").Refused(HttpStatusCode.BadRequest, "invalidSyntax");
        await idp.Send("GET", "/Users?filter=title%20co%20%22x%22").Refused(HttpStatusCode.BadRequest, "invalidFilter");
        var created = await idp.Send("POST", "/Users", AUser("ada@example.com")).Expect(HttpStatusCode.Created);
        await idp.Send("PATCH", $"/Users/{created["id"]}", Patch(Op("replace", "shoeSize", "9"))).Refused(HttpStatusCode.BadRequest, "invalidPath");
        await idp.Send("PATCH", $"/Users/{created["id"]}", Patch(Op("move", "title", "x"))).Refused(HttpStatusCode.BadRequest, "invalidValue");
        await idp.Send("PATCH", $"/Users/{created["id"]}", Patch(Op("replace", "active", "maybe"))).Refused(HttpStatusCode.BadRequest, "invalidValue");
        await idp.Send("PUT", "/Users/not-an-id", AUser("ada@example.com")).Refused(HttpStatusCode.NotFound, null);
    }
}

/// <summary>A body whose length is not known before it is sent, as a chunked upload's.</summary>
internal sealed class UnsizedContent(byte[] bytes) : HttpContent
{
    protected override Task SerializeToStreamAsync(Stream stream, System.Net.TransportContext? context) => stream.WriteAsync(bytes).AsTask();

    protected override bool TryComputeLength(out long length)
    {
        length = 0;
        return false;
    }
}
