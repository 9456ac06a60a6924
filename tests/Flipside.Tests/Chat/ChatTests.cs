using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Flipside.Domain;
using Flipside.Features.Chat;
using Flipside.Features.Matching;
using Flipside.Infrastructure.Security;
using Flipside.Tests.Celebration;
using Flipside.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Flipside.Tests.Chat;

/// <summary>The app with plain-http webhooks to loopback allowed, so the loopback receiver can stand in for Slack and Teams.</summary>
public sealed class ChatFactory : FlipsideFactory
{
    public ChatFactory() => With("Chat:AllowHttpWebhooks", "true").With("Chat:AllowedHosts", "127.0.0.1");
}

public sealed class ChatTests(ChatFactory app) : IClassFixture<ChatFactory>, IAsyncLifetime
{
    private const string ManagerEmail = "pam@example.com";
    private static readonly string[] AllNews = [.. Enum.GetNames<ChatAnnouncement>()];
    private readonly ChatFactory _app = app;
    private WebhookReceiver _hooks = null!;
    private HttpClient _admin = null!;
    private HttpClient _manager = null!;
    private Guid _programId;
    private Guid _cohortId;

    public async Task InitializeAsync()
    {
        await _app.ResetAsync();
        _hooks = await WebhookReceiver.StartAsync();
        _admin = await Given.AnAdministrator(_app);
        _manager = await Given.AnAccount(_app, _admin, ManagerEmail, Roles.ProgramManager);
        (_programId, _cohortId) = await Seed.AProgram(_app, ManagerEmail, status: CohortStatus.Matching);
    }

    public async Task DisposeAsync() => await _hooks.DisposeAsync();

    private Task<HttpResponseMessage> Configure(string? slack, string? teams, params string[] news) =>
        _manager.PutAsJsonAsync($"/api/v1/programs/{_programId}/chat", new { slackUrl = slack, teamsUrl = teams, announcements = news });

    private async Task<int> Send()
    {
        using var scope = _app.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<ChatSender>().RunOnceAsync(CancellationToken.None);
    }

    private Task<List<ChatDelivery>> Deliveries() => _app.Query(db => db.ChatDeliveries.OrderBy(d => d.CreatedAt).ToListAsync());

    /// <summary>Two pairs made by hand and published: Person L1 with Person M1, Person L2 with Person M2.</summary>
    private async Task<List<Guid>> PublishTwoPairs()
    {
        var ids = new List<Guid>();
        foreach (var n in new[] { 1, 2 })
        {
            var (leader, mentor) = (Seed.APerson($"L{n}", 9, department: $"Board {n}"), Seed.APerson($"M{n}", 3, department: $"Team {n}"));
            await Enrolled.Enrol(_app, _cohortId, leader, ParticipantRole.Mentee, "Podcasting");
            await Enrolled.Enrol(_app, _cohortId, mentor, ParticipantRole.Mentor, "Podcasting");
            var made = await _manager.PostAsJsonAsync($"/api/v1/cohorts/{_cohortId}/pairings", new { menteePersonId = leader.Id, mentorPersonId = mentor.Id });
            Assert.Equal(HttpStatusCode.Created, made.StatusCode);
            ids.Add((await made.Content.ReadFromJsonAsync<PairByHand.Made>(Json.Options))!.PairingId);
        }
        Assert.Equal(HttpStatusCode.OK, (await _manager.PostAsync($"/api/v1/cohorts/{_cohortId}/matching/publish", null)).StatusCode);
        return ids;
    }

    [Fact]
    public async Task PublishingPairs_PostsCountsOnly_ToSlackAndToTeamsAsAnAdaptiveCard()
    {
        Assert.Equal(HttpStatusCode.NoContent, (await Configure(_hooks.Url("/slack"), _hooks.Url("/teams"), AllNews)).StatusCode);

        await PublishTwoPairs();
        Assert.Equal(2, await Send());

        var slack = _hooks.Requests.Single(r => r.Path == "/slack");
        var teams = _hooks.Requests.Single(r => r.Path == "/teams");
        Assert.StartsWith("application/json", slack.ContentType);
        var slackJson = JsonDocument.Parse(slack.Body).RootElement;
        Assert.Contains("2 new pairs", slackJson.GetProperty("text").GetString());
        Assert.Equal("header", slackJson.GetProperty("blocks")[0].GetProperty("type").GetString());
        var card = JsonDocument.Parse(teams.Body).RootElement.GetProperty("attachments")[0];
        Assert.Equal("application/vnd.microsoft.card.adaptive", card.GetProperty("contentType").GetString());
        Assert.Equal("AdaptiveCard", card.GetProperty("content").GetProperty("type").GetString());
        Assert.Contains("2 new pairs", card.GetProperty("content").GetProperty("body")[0].GetProperty("text").GetString());
        foreach (var body in new[] { slack.Body, teams.Body })
            Assert.DoesNotContain("Person ", body);
        Assert.All(await Deliveries(), d => Assert.NotNull(d.SentAt));
        Assert.Equal(0, await Send());
    }

    [Fact]
    public async Task Retention_DeletesDeliveriesSentMoreThan90DaysAgo_KeepsTheUnsent_AndCanRunAgain()
    {
        await Configure(_hooks.Url("/slack"), _hooks.Url("/teams"), AllNews);
        await PublishTwoPairs();
        _hooks.Answer(500);
        Assert.Equal(1, await Send());
        var unsent = (await Deliveries()).Single(d => d.SentAt is null).Id;

        _app.Clock.Advance(TimeSpan.FromDays(89));
        Assert.Equal(0, await Retain());
        Assert.Equal(2, (await Deliveries()).Count);
        _app.Clock.Advance(TimeSpan.FromDays(2));
        Assert.Equal(1, await Retain());
        Assert.Equal(0, await Retain());

        Assert.Equal(unsent, (await Deliveries()).Single().Id);
    }

    private async Task<int> Retain()
    {
        using var scope = _app.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<ChatRetention>().RunOnceAsync(CancellationToken.None);
    }

    [Fact]
    public async Task A429WithRetryAfter_WaitsAsLongAsTheReceiverAsked_ThenSends()
    {
        await Configure(_hooks.Url("/slack"), null, AllNews);
        await PublishTwoPairs();
        _hooks.Answer(429, "120");

        Assert.Equal(0, await Send());
        var waiting = (await Deliveries()).Single();
        Assert.Equal(_app.Clock.GetUtcNow().AddSeconds(120), waiting.NextAttemptAt);
        Assert.Contains("429", waiting.LastError);

        _app.Clock.Advance(TimeSpan.FromSeconds(119));
        Assert.Equal(0, await Send());
        Assert.Single(_hooks.Requests);
        _app.Clock.Advance(TimeSpan.FromSeconds(2));
        Assert.Equal(1, await Send());
        Assert.Equal(2, _hooks.Requests.Count);
        Assert.NotNull((await Deliveries()).Single().SentAt);
    }

    [Fact]
    public async Task A500_IsTriedAgainAfterAMinute_ThenTwo()
    {
        await Configure(null, _hooks.Url("/teams"), AllNews);
        await PublishTwoPairs();
        _hooks.Answer(500);
        _hooks.Answer(500);

        await Send();
        _app.Clock.Advance(TimeSpan.FromSeconds(61));
        await Send();
        var retrying = (await Deliveries()).Single();
        Assert.Equal(2, retrying.Attempts);
        Assert.Equal(_app.Clock.GetUtcNow().AddMinutes(2), retrying.NextAttemptAt);
        Assert.Null(retrying.FailedAt);

        _app.Clock.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal(1, await Send());
        Assert.Equal(3, _hooks.Requests.Count);
    }

    [Fact]
    public async Task AWebhookThatIsGone_IsGivenUpOnAtOnce()
    {
        await Configure(_hooks.Url("/slack"), null, AllNews);
        await PublishTwoPairs();
        _hooks.Answer(404);

        await Send();

        var failed = (await Deliveries()).Single();
        Assert.NotNull(failed.FailedAt);
        Assert.Contains("404", failed.LastError);
    }

    [Fact]
    public async Task ARemovedWebhook_ReceivesNothingMore()
    {
        await Configure(_hooks.Url("/slack"), null, AllNews);
        await PublishTwoPairs();

        await Configure("", null, AllNews);
        await Send();

        Assert.Empty(_hooks.Requests);
        Assert.Contains("no longer", (await Deliveries()).Single().LastError);
    }

    [Fact]
    public async Task NewsTheManagerDidNotChoose_IsNotAnnounced()
    {
        await Configure(_hooks.Url("/slack"), null, nameof(ChatAnnouncement.StoriesPublished));

        await PublishTwoPairs();

        Assert.Empty(await Deliveries());
    }

    [Fact]
    public async Task ACohortOpeningForVolunteers_IsAnnouncedOnce()
    {
        await Configure(_hooks.Url("/slack"), null, AllNews);
        var cohort = new { name = "Wave 2", startsOn = "2027-03-01", endsOn = "2027-09-01", capacity = 10, openForApplications = true };

        var created = await _manager.PostAsJsonAsync($"/api/v1/programs/{_programId}/cohorts", cohort);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var again = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/programs/{_programId}/cohorts/{id}") { Content = JsonContent.Create(cohort) };
        again.Headers.IfMatch.Add(new(await ETag(id)));
        Assert.Equal(HttpStatusCode.NoContent, (await _manager.SendAsync(again)).StatusCode);
        await Send();

        var posted = Assert.Single(_hooks.Requests);
        Assert.Contains("Wave 2 is open for volunteers", posted.Body);
    }

    private async Task<string> ETag(Guid cohortId) =>
        (await _manager.GetAsync($"/api/v1/programs/{_programId}/cohorts/{cohortId}")).Headers.ETag!.Tag;

    [Fact]
    public async Task AStory_NamesThePairOnlyWhenBothChoseToBeNamed()
    {
        await Configure(_hooks.Url("/slack"), null, nameof(ChatAnnouncement.StoriesPublished));
        var pairings = await PublishTwoPairs();
        await _app.Query(async db =>
        {
            (await db.Programs.SingleAsync(p => p.Id == _programId)).FocusAreas = [Celebrating.Ai];
            return await db.SaveChangesAsync();
        });
        var (m1, l1) = (await Given.AnAccount(_app, _admin, "m1@example.com", Roles.Participant), await Given.AnAccount(_app, _admin, "l1@example.com", Roles.Participant));
        var (m2, l2) = (await Given.AnAccount(_app, _admin, "m2@example.com", Roles.Participant), await Given.AnAccount(_app, _admin, "l2@example.com", Roles.Participant));
        var named = await Celebrating.Written(m1, pairings[0], "Named together");
        await Celebrating.Consent(m1, named, named: true);
        await Celebrating.Consent(l1, await FirstStory(await l1.GetAsync(Celebrating.Stories(pairings[0]))), named: true);
        var anonymous = await Celebrating.Written(m2, pairings[1], "Only one named");
        await Celebrating.Consent(m2, anonymous, named: true);
        await Celebrating.Consent(l2, await FirstStory(await l2.GetAsync(Celebrating.Stories(pairings[1]))), named: false);

        foreach (var story in new[] { named.Id, anonymous.Id })
            Assert.Equal(HttpStatusCode.OK, (await _manager.PostAsync($"/api/v1/stories/{story}/approve", null)).StatusCode);
        await Send();

        var bodies = _hooks.Requests.Select(r => r.Body).ToList();
        Assert.Contains(bodies, b => b.Contains("Named together", StringComparison.Ordinal) && b.Contains("Person M1 and Person L1", StringComparison.Ordinal));
        var other = Assert.Single(bodies, b => b.Contains("Only one named", StringComparison.Ordinal));
        Assert.DoesNotContain("Person ", other);
        Assert.Contains("a pair in", other);
    }

    private static async Task<Features.Celebration.PairStory.Item> FirstStory(HttpResponseMessage response)
    {
        Assert.True(response.IsSuccessStatusCode);
        return (await response.Content.ReadFromJsonAsync<List<Features.Celebration.PairStory.Item>>(Json.Options))!.First();
    }

    [Fact]
    public async Task AMilestone_IsAnnouncedWithoutNames()
    {
        await Configure(_hooks.Url("/teams"), null, nameof(ChatAnnouncement.MilestonesCelebrated));
        var pairings = await PublishTwoPairs();
        await Celebrating.Held(_app, pairings[0], 1);

        await Celebrating.RunJob(_app);
        await Send();

        var posted = Assert.Single(_hooks.Requests);
        Assert.Contains("held their first meeting", posted.Body);
        Assert.DoesNotContain("Person ", posted.Body);
    }

    [Theory]
    [InlineData("not a url")]
    [InlineData("ftp://hooks.example.com/x")]
    public async Task AWebhookThatIsNotAnAddress_Gets400NamingTheField(string url)
    {
        var response = await Configure(url, null, AllNews);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("slackUrl", out _));
    }

    [Fact]
    public async Task TheSettingsPage_ShowsOnlyTheWebhooksHost_AndSavesTheChoice()
    {
        await Configure(_hooks.Url("/slack/secret-path"), null, AllNews);

        var page = await (await _manager.GetAsync($"/Chat/Program?programId={_programId}")).Html();
        Assert.Contains("127.0.0.1", page);
        Assert.DoesNotContain("secret-path", page);

        var saved = await _manager.Submit($"/Chat/Program?programId={_programId}", new Dictionary<string, string>
        {
            ["Input.Announcements"] = nameof(ChatAnnouncement.PairsPublished),
        });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var chat = await _app.Query(db => db.ProgramChats.SingleAsync());
        Assert.StartsWith(ChatWebhookSecrets.Prefix, chat.SlackSealed, StringComparison.Ordinal);
        Assert.DoesNotContain("secret-path", chat.SlackSealed, StringComparison.Ordinal);
        Assert.Equal($"http://127.0.0.1/…path", chat.SlackMasked);
        Assert.Equal([ChatAnnouncement.PairsPublished], chat.AnnouncementList);
        var api = await (await _manager.GetAsync($"/api/v1/programs/{_programId}/chat")).Content.ReadAsStringAsync();
        Assert.Contains("127.0.0.1/…path", api, StringComparison.Ordinal);
        Assert.DoesNotContain("secret-path", api, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AWebhookStoredInClearBeforeSealing_IsSealedAtStartUp_AndStillReceives()
    {
        await Configure(_hooks.Url("/slack/old-secret"), null, AllNews);
        var url = _hooks.Url("/slack/old-secret");
        // As an older Flipside left it: the URL itself in the column, no masked form.
        await _app.Query(db => db.Database.ExecuteSqlInterpolatedAsync($"UPDATE \"ProgramChats\" SET \"SlackUrl\" = {url}, \"SlackMasked\" = NULL"));

        using (var scope = _app.Services.CreateScope())
        {
            var secrets = scope.ServiceProvider.GetRequiredService<ChatWebhookSecrets>();
            Assert.Equal(1, await secrets.SealPlaintext(CancellationToken.None));
            Assert.Equal(0, await secrets.SealPlaintext(CancellationToken.None));
        }

        var chat = await _app.Query(db => db.ProgramChats.SingleAsync());
        Assert.StartsWith(ChatWebhookSecrets.Prefix, chat.SlackSealed, StringComparison.Ordinal);
        Assert.DoesNotContain("old-secret", chat.SlackSealed, StringComparison.Ordinal);
        Assert.Equal("http://127.0.0.1/…cret", chat.SlackMasked);
        await PublishTwoPairs();
        Assert.Equal(1, await Send());
        Assert.Equal("/slack/old-secret", _hooks.Requests.Single().Path);
    }

    [Fact]
    public async Task ASealedWebhookCopiedToAnotherProgram_DoesNotOpen()
    {
        await Configure(_hooks.Url("/slack/one"), null, AllNews);
        var stored = await _app.Query(db => db.ProgramChats.Select(c => c.SlackSealed!).SingleAsync());
        using var scope = _app.Services.CreateScope();
        var secrets = scope.ServiceProvider.GetRequiredService<ChatWebhookSecrets>();

        Assert.Equal(_hooks.Url("/slack/one"), await secrets.Open(_programId, ChatChannel.Slack, stored, CancellationToken.None));
        await Assert.ThrowsAnyAsync<System.Security.Cryptography.CryptographicException>(() => secrets.Open(Guid.NewGuid(), ChatChannel.Slack, stored, CancellationToken.None));
        await Assert.ThrowsAnyAsync<System.Security.Cryptography.CryptographicException>(() => secrets.Open(_programId, ChatChannel.Teams, stored, CancellationToken.None));
    }
}
