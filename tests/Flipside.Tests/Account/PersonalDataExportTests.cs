using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Flipside.Domain;
using Flipside.Tests.Conversations;
using Flipside.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Flipside.Tests.Account;

/// <summary>GET /api/v1/account/me/export: everything held about the signed-in person, as one JSON download.</summary>
public sealed class PersonalDataExportTests(FlipsideFactory app) : AdministeredTests(app)
{
    [Fact]
    public async Task Export_HoldsTheirDataNotesAndMessages_NeverThePartnersNotes()
    {
        var pairs = await Pairs.Published(App, Admin);
        await Pairs.Write(pairs.Mentor, pairs.First, "My private thought about podcasts");
        App.Clock.Advance(TimeSpan.FromMinutes(5));
        await Pairs.Write(pairs.Mentor, pairs.First, "Shared by me: the plan", shared: true);
        await Pairs.Write(pairs.Mentee, pairs.First, "The leader's private worry");
        await Pairs.Write(pairs.Mentee, pairs.First, "The leader's shared summary", shared: true);
        await Pairs.Send(pairs.Mentor, pairs.First, "Hello from the mentor");
        App.Clock.Advance(TimeSpan.FromMinutes(5));
        await Pairs.Send(pairs.Mentee, pairs.First, "Hello back from the leader");
        await Pairs.Write(pairs.OtherMentee, pairs.Second, "Another pair's note");

        var response = await pairs.Mentor.GetAsync("/api/v1/account/me/export");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        var text = await response.Content.ReadAsStringAsync();
        var json = JsonDocument.Parse(text).RootElement;
        Assert.Equal("m1@example.com", json.GetProperty("account").GetProperty("email").GetString());
        Assert.Equal("M1", json.GetProperty("person").GetProperty("employeeId").GetString());
        Assert.Single(json.GetProperty("enrollments").EnumerateArray());
        var pairing = Assert.Single(json.GetProperty("pairings").EnumerateArray());
        Assert.Equal(["My private thought about podcasts", "Shared by me: the plan"],
            pairing.GetProperty("myNotes").EnumerateArray().Select(n => n.GetProperty("text").GetString()));
        Assert.Equal(["Hello from the mentor", "Hello back from the leader"],
            pairing.GetProperty("messages").EnumerateArray().Select(n => n.GetProperty("text").GetString()));
        Assert.DoesNotContain("The leader's private worry", text);
        Assert.DoesNotContain("The leader's shared summary", text);
        Assert.DoesNotContain("Another pair's note", text);
        var mentor = await App.Query(db => db.Users.Where(u => u.Email == "m1@example.com").Select(u => u.Id).SingleAsync());
        Assert.Contains(await App.Query(db => db.AuditLog.Where(a => a.Action == "export.downloaded").ToListAsync()),
            a => a.Actor == mentor && a.Summary.Contains("/api/v1/account/me/export"));
    }

    [Fact]
    public async Task Export_HoldsGoalsTheAgreementWithSignaturesAndKudos()
    {
        var pairs = await Pairs.Published(App, Admin);
        var goal = await pairs.Mentee.PostAsJsonAsync($"/api/v1/pairings/{pairs.First}/goals", new { title = "Record a video a month", description = "Short ones." });
        Assert.Equal(HttpStatusCode.Created, goal.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await pairs.Mentor.GetAsync($"/api/v1/pairings/{pairs.First}/agreement")).StatusCode);
        var signed = (await pairs.Mentor.PostAsJsonAsync($"/api/v1/pairings/{pairs.First}/agreement/sign", new { revision = 1 })).IsSuccessStatusCode;
        Assert.True((await pairs.Mentee.PostAsJsonAsync($"/api/v1/pairings/{pairs.First}/kudos", new { text = "Thanks for the podcast tips" })).IsSuccessStatusCode);

        var json = JsonDocument.Parse(await pairs.Mentor.GetStringAsync("/api/v1/account/me/export")).RootElement;

        var pairing = Assert.Single(json.GetProperty("pairings").EnumerateArray());
        Assert.Equal("Record a video a month", Assert.Single(pairing.GetProperty("goals").EnumerateArray()).GetProperty("title").GetString());
        var revision = Assert.Single(pairing.GetProperty("agreement").EnumerateArray());
        Assert.Equal(signed ? JsonValueKind.String : JsonValueKind.Null, revision.GetProperty("mentorSignedAt").ValueKind);
        Assert.Equal(JsonValueKind.Null, revision.GetProperty("menteeSignedAt").ValueKind);
        Assert.NotEmpty(revision.GetProperty("sections").EnumerateArray());
        Assert.Equal("Thanks for the podcast tips", Assert.Single(pairing.GetProperty("kudos").EnumerateArray()).GetProperty("text").GetString());
    }

    [Fact]
    public async Task Export_OfSomeoneWithoutADirectoryEntry_HoldsTheirAccount()
    {
        var response = await Admin.GetAsync("/api/v1/account/me/export");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(Given.AdminEmail, json.GetProperty("account").GetProperty("email").GetString());
        Assert.Contains(Roles.Administrator, json.GetProperty("account").GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal(JsonValueKind.Null, json.GetProperty("person").ValueKind);
    }

    [Fact]
    public async Task TheNavigation_OffersTheDownload()
    {
        var home = await Admin.GetStringAsync("/");

        Assert.Contains("href=\"/api/v1/account/me/export\" download>My data</a>", home);
    }
}
