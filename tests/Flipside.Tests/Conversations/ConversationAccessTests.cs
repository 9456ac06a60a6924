using System.Net;
using System.Net.Http.Json;
using Flipside.Features.Conversations;
using Flipside.Tests.Support;

namespace Flipside.Tests.Conversations;

/// <summary>Who reads a pair's notes and messages: the two partners, each only what is theirs to read; nobody else, whatever their role.</summary>
public sealed class ConversationAccessTests(FlipsideFactory app) : AdministeredTests(app)
{
    private const string PrivateText = "Private: I froze when she asked about my own team's churn";
    private const string SharedText = "Shared: next time we try the agent builder together";
    private const string MessageText = "Message: could we move Thursday to the afternoon?";

    [Fact]
    public async Task ThePartner_ReadsOnlyNotesSharedWithThem_AndOnlyTheAuthorChangesOrDeletesANote()
    {
        var pairs = await Pairs.Published(App, Admin);
        var mine = await Pairs.Write(pairs.Mentor, pairs.First, PrivateText);
        App.Clock.Advance(TimeSpan.FromMinutes(1));
        var shared = await Pairs.Write(pairs.Mentor, pairs.First, SharedText, shared: true);

        var partnerSees = (await pairs.Mentee.GetFromJsonAsync<List<ListNotes.Item>>(Pairs.Notes(pairs.First), Json.Options))!;
        var authorSees = (await pairs.Mentor.GetFromJsonAsync<List<ListNotes.Item>>(Pairs.Notes(pairs.First), Json.Options))!;

        Assert.Equal(SharedText, Assert.Single(partnerSees).Text);
        Assert.False(partnerSees[0].Mine);
        Assert.Equal([SharedText, PrivateText], authorSees.Select(n => n.Text));
        Assert.Equal(HttpStatusCode.NotFound, (await pairs.Mentee.GetAsync(Pairs.Notes(pairs.First, $"/{mine.Id}"))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await pairs.Mentee.PutAsJsonAsync(Pairs.Notes(pairs.First, $"/{mine.Id}"), new { text = "x" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await pairs.Mentee.PutAsJsonAsync(Pairs.Notes(pairs.First, $"/{shared.Id}"), new { text = "x", shared = true })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await pairs.Mentee.DeleteAsync(Pairs.Notes(pairs.First, $"/{shared.Id}"))).StatusCode);
        var pageOfPartner = await (await pairs.Mentee.GetAsync($"/Conversations/Notes?pairingId={pairs.First}")).Html();
        Assert.Contains(SharedText, pageOfPartner, StringComparison.Ordinal);
        Assert.DoesNotContain(PrivateText, pageOfPartner, StringComparison.Ordinal);

        var edited = await pairs.Mentor.PutAsJsonAsync(Pairs.Notes(pairs.First, $"/{shared.Id}"), new { text = "Made private again", shared = false, version = shared.Version });
        Assert.Equal(HttpStatusCode.OK, edited.StatusCode);
        Assert.Empty((await pairs.Mentee.GetFromJsonAsync<List<ListNotes.Item>>(Pairs.Notes(pairs.First), Json.Options))!);
        var stale = await pairs.Mentor.PutAsJsonAsync(Pairs.Notes(pairs.First, $"/{shared.Id}"), new { text = "An old tab", version = shared.Version });
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await pairs.Mentor.DeleteAsync(Pairs.Notes(pairs.First, $"/{mine.Id}"))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await pairs.Mentor.GetAsync(Pairs.Notes(pairs.First, $"/{mine.Id}"))).StatusCode);
    }

    [Fact]
    public async Task ManagersAdministratorsSponsorsAndOtherParticipants_ReachNoNoteOrMessage_ThroughAnyPageOrEndpoint()
    {
        var pairs = await Pairs.Published(App, Admin);
        var note = await Pairs.Write(pairs.Mentor, pairs.First, SharedText, shared: true);
        await Pairs.Send(pairs.Mentor, pairs.First, MessageText);
        var outsiders = new Dictionary<string, HttpClient>
        {
            ["administrator"] = Admin, ["program manager"] = pairs.Manager, ["sponsor"] = pairs.Sponsor, ["participant of another pairing"] = pairs.OtherMentee,
        };
        var p = pairs.First;
        (HttpMethod, string, object?)[] endpoints =
        [
            (HttpMethod.Get, Pairs.Notes(p), null), (HttpMethod.Get, Pairs.Notes(p, $"/{note.Id}"), null),
            (HttpMethod.Post, Pairs.Notes(p), new { text = "intruder", shared = true }), (HttpMethod.Put, Pairs.Notes(p, $"/{note.Id}"), new { text = "intruder" }),
            (HttpMethod.Delete, Pairs.Notes(p, $"/{note.Id}"), null), (HttpMethod.Get, Pairs.Messages(p), null),
            (HttpMethod.Post, Pairs.Messages(p), new { text = "intruder" }),
        ];
        foreach (var (who, client) in outsiders)
        {
            foreach (var (method, url, body) in endpoints)
            {
                var response = await client.SendAsync(new HttpRequestMessage(method, url) { Content = body is null ? null : JsonContent.Create(body) });
                Assert.True(response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Forbidden, $"{method} {url} gave {(int)response.StatusCode} to the {who}");
                await AssertHoldsNoContent(response, $"{method} {url} for the {who}");
            }
            foreach (var page in new[] { $"/Conversations/Notes?pairingId={p}", $"/Conversations/Messages?pairingId={p}" })
            {
                var response = await client.GetAsync(page);
                Assert.True(response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Forbidden || IsAccessDenied(response), $"GET {page} gave {(int)response.StatusCode} to the {who}");
                await AssertHoldsNoContent(response, $"GET {page} for the {who}");
            }
            var token = await Forms.AntiforgeryToken(client, "/");
            foreach (var (handler, fields) in new[] { ("Write", "Input.Text=intruder"), ("Edit", $"id={note.Id}&text=intruder"), ("Delete", $"id={note.Id}") })
            {
                var response = await client.PostAsync($"/Conversations/Notes?pairingId={p}&handler={handler}&{fields}",
                    new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));
                Assert.True(response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Forbidden, $"POST Notes {handler} gave {(int)response.StatusCode} to the {who}");
            }
            var send = await client.PostAsync($"/Conversations/Messages?pairingId={p}&handler=Send",
                new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["Input.Text"] = "intruder" }));
            Assert.Equal(HttpStatusCode.NotFound, send.StatusCode);
        }
        // The staff's own pages about the program and its mail never show the text either.
        foreach (var (client, url) in new[] { (Admin, "/api/v1/admin/outbox"), (Admin, "/Admin/Outbox"), (pairs.Manager, "/Programs/Outbox"),
            (pairs.Manager, $"/Matching/Board?cohortId={pairs.CohortId}"), (pairs.Manager, $"/Enrollment/Roster?cohortId={pairs.CohortId}") })
            await AssertHoldsNoContent(await client.GetAsync(url), url);
        var still = (await pairs.Mentor.GetFromJsonAsync<List<ListNotes.Item>>(Pairs.Notes(p), Json.Options))!;
        Assert.Equal(SharedText, Assert.Single(still).Text);
        Assert.DoesNotContain("intruder", await (await pairs.Mentee.GetAsync(Pairs.Messages(p))).Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheCardsOfMyPrograms_LinkToNotesAndMessages_AndThePagesShowThePairsOwnWords()
    {
        var pairs = await Pairs.Published(App, Admin);

        var mine = await (await pairs.Mentee.GetAsync("/Enrollment/Mine")).Html();
        var written = await pairs.Mentee.Submit($"/Conversations/Notes?pairingId={pairs.First}",
            new Dictionary<string, string> { ["Input.Text"] = "Ask about short video next month", ["Input.Shared"] = "true" },
            $"/Conversations/Notes?pairingId={pairs.First}&handler=Write");
        var sent = await pairs.Mentee.Submit($"/Conversations/Messages?pairingId={pairs.First}",
            new Dictionary<string, string> { ["Input.Text"] = "Thank you for today" }, $"/Conversations/Messages?pairingId={pairs.First}&handler=Send");

        Assert.Contains($"href=\"/Conversations/Notes?pairingId={pairs.First}\"", mine, StringComparison.Ordinal);
        Assert.Contains($"href=\"/Conversations/Messages?pairingId={pairs.First}\"", mine, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, written.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        Assert.Contains("Ask about short video next month", await (await pairs.Mentor.GetAsync($"/Conversations/Notes?pairingId={pairs.First}")).Html(), StringComparison.Ordinal);
        Assert.Contains("Thank you for today", await (await pairs.Mentor.GetAsync($"/Conversations/Messages?pairingId={pairs.First}")).Html(), StringComparison.Ordinal);
    }

    private static async Task AssertHoldsNoContent(HttpResponseMessage response, string what)
    {
        var body = await response.Content.ReadAsStringAsync();
        foreach (var text in new[] { PrivateText, SharedText, MessageText })
            Assert.False(body.Contains(text, StringComparison.Ordinal), $"{what} shows '{text}'");
    }

    private static bool IsAccessDenied(HttpResponseMessage response) =>
        response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location!.OriginalString.Contains("/Account/AccessDenied", StringComparison.Ordinal);
}
