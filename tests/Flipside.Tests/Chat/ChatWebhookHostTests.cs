using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Flipside.Domain;
using Flipside.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Flipside.Tests.Chat;

/// <summary>
/// A webhook URL is typed by a manager and called by the server: only https on the chat tools' own hosts, or on hosts an
/// administrator names in Chat:AllowedHosts; never an address inside the network unless named there.
/// </summary>
public sealed class ChatWebhookHostTests
{
    private const string ManagerEmail = "pam@example.com";

    private static async Task<(HttpClient Manager, Guid ProgramId)> Manager(FlipsideFactory app)
    {
        var admin = await Given.AnAdministrator(app);
        var manager = await Given.AnAccount(app, admin, ManagerEmail, Roles.ProgramManager);
        var (programId, _) = await Seed.AProgram(app, ManagerEmail, status: CohortStatus.Matching);
        return (manager, programId);
    }

    private static async Task<(HttpStatusCode Status, string Body)> Configure(HttpClient manager, Guid programId, string? slack, string? teams)
    {
        var response = await manager.PutAsJsonAsync($"/api/v1/programs/{programId}/chat", new { slackUrl = slack, teamsUrl = teams, announcements = Array.Empty<string>() });
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("https://127.0.0.1/hook", "inside this network")]
    [InlineData("https://localhost:8080/hook", "inside this network")]
    [InlineData("https://169.254.169.254/latest/meta-data", "inside this network")]
    [InlineData("https://10.1.2.3/hook", "inside this network")]
    [InlineData("https://[::1]/hook", "inside this network")]
    [InlineData("https://93.184.216.34/hook", "not to the address")]
    [InlineData("https://hooks.slack.com.evil.example/services/T/B/X", "hooks.slack.com")]
    [InlineData("https://evil.example/services/T/B/X", "hooks.slack.com")]
    [InlineData("http://hooks.slack.com/services/T/B/X", "https://")]
    [InlineData("https://user:pw@hooks.slack.com/services/T/B/X", "no user name")]
    public async Task ASlackUrlOffSlacksHost_IsRefusedNamingTheField(string url, string why)
    {
        using var app = new FlipsideFactory();
        var (manager, programId) = await Manager(app);

        var (status, body) = await Configure(manager, programId, url, null);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        var errors = JsonNode.Parse(body)!["errors"]!.AsObject();
        var error = (string?)errors.Single(e => e.Key.Equals("SlackUrl", StringComparison.OrdinalIgnoreCase)).Value![0];
        Assert.Contains(why, error, StringComparison.Ordinal);
        Assert.False(await app.Query(db => db.ProgramChats.AnyAsync()));
    }

    [Fact]
    public async Task TheChatToolsOwnHosts_AreTaken_EachForItsOwnTool()
    {
        using var app = new FlipsideFactory();
        var (manager, programId) = await Manager(app);

        var teamsOnSlack = await Configure(manager, programId, null, "https://hooks.slack.com/services/T/B/X");
        Assert.Equal(HttpStatusCode.BadRequest, teamsOnSlack.Status);
        Assert.Contains("teamsurl", teamsOnSlack.Body, StringComparison.OrdinalIgnoreCase);
        var ok = await Configure(manager, programId, "https://hooks.slack.com/services/T000/B000/XXXX", "https://contoso.webhook.office.com/webhookb2/abc");
        Assert.True(ok.Status == HttpStatusCode.NoContent, ok.Body);
    }

    [Fact]
    public async Task AHostNamedInChatAllowedHosts_IsTaken_LoopbackIncluded()
    {
        using var app = new FlipsideFactory().With("Chat:AllowedHosts", "127.0.0.1, *.chat.example.org");
        var (manager, programId) = await Manager(app);

        Assert.Equal(HttpStatusCode.NoContent, (await Configure(manager, programId, "https://127.0.0.1:8443/hook", "https://teams.chat.example.org/hook")).Status);
        // Named, but over plain http: still refused without Chat:AllowHttpWebhooks.
        Assert.Equal(HttpStatusCode.BadRequest, (await Configure(manager, programId, "http://127.0.0.1:8443/hook", null)).Status);
        Assert.Equal(HttpStatusCode.BadRequest, (await Configure(manager, programId, "https://10.0.0.5/hook", null)).Status);
    }
}
