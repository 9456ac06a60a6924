using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Flipside.Domain;
using Flipside.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Flipside.Tests.Account;

public sealed class InvitationTests(FlipsideFactory app) : AdministeredTests(app)
{
    private Task<HttpResponseMessage> Accept(string token, string password = Given.Password) =>
        App.Browser().Submit($"/Account/Invitation?token={token}", new Dictionary<string, string>
        {
            ["Token"] = token, ["Input.Password"] = password, ["Input.ConfirmPassword"] = password,
        });

    [Fact]
    public async Task Invite_FromTheForm_WritesTheInvitationAndItsEmailTogether()
    {
        var response = await Admin.Submit("/Admin/Invite", new Dictionary<string, string>
        {
            ["Input.Email"] = "nia@example.com", ["Input.Name"] = "Nia Newcomer", ["Input.Role"] = Roles.Participant,
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var message = await App.Query(db => db.Outbox.SingleAsync(m => m.To == "nia@example.com"));
        Assert.Equal("Your invitation to Flipside", message.Subject);
        Assert.Contains("/Account/Invitation?token=", message.TextBody);
        Assert.Equal(1, await App.Query(db => db.Invitations.CountAsync(i => i.Email == "nia@example.com")));
    }

    [Fact]
    public async Task Invitation_SetsAPassword_AndThePersonSeesTheParticipantHome()
    {
        var token = await Given.AnInvitationToken(App, Admin, "nia@example.com");

        var accepted = await Accept(token);
        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        Assert.StartsWith("/Account/SignIn", accepted.Headers.Location?.OriginalString);

        var person = await Given.SignedIn(App, "nia@example.com");
        var home = await (await person.GetAsync("/")).Html();
        Assert.Contains("Your mentoring", home);
        Assert.DoesNotContain("Administration", home);
    }

    [Fact]
    public async Task Invitation_UsedTwice_ShowsAClearPage()
    {
        var token = await Given.AnInvitationToken(App, Admin, "nia@example.com");
        await Accept(token);

        var again = await App.Browser().GetAsync($"/Account/Invitation?token={token}");

        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Contains("already been used", await again.Html());
    }

    [Fact]
    public async Task Invitation_AfterSevenDays_HasExpired()
    {
        var token = await Given.AnInvitationToken(App, Admin, "nia@example.com");
        App.Clock.Advance(TimeSpan.FromDays(7) + TimeSpan.FromSeconds(1));

        var page = await App.Browser().GetAsync($"/Account/Invitation?token={token}");
        var api = await App.Browser().PostAsJsonAsync("/api/v1/account/invitations/accept", new { token, password = Given.Password });

        Assert.Contains("This invitation has expired", await page.Html());
        Assert.Equal(HttpStatusCode.Gone, api.StatusCode);
        Assert.Equal(0, await App.Query(db => db.Users.CountAsync(u => u.Email == "nia@example.com")));
    }

    [Theory]
    [InlineData("forged-token-that-was-never-issued")]
    [InlineData("")]
    public async Task Invitation_WithAForgedLink_SaysTheLinkIsNotValid(string token)
    {
        var page = await App.Browser().GetAsync($"/Account/Invitation?token={token}");

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("This invitation link is not valid", await page.Html());
    }

    [Fact]
    public async Task Invitation_ReplacedByANewerOne_StopsWorking()
    {
        var first = await Given.AnInvitationToken(App, Admin, "nia@example.com");
        App.Clock.Advance(TimeSpan.FromMinutes(1));
        var second = await Given.AnInvitationToken(App, Admin, "nia@example.com");

        Assert.Contains("was replaced", await (await App.Browser().GetAsync($"/Account/Invitation?token={first}")).Html());
        Assert.Contains("Welcome, Nia Newcomer", await (await App.Browser().GetAsync($"/Account/Invitation?token={second}")).Html());
    }

    [Fact]
    public async Task Invitation_WithAWeakPassword_KeepsTheLinkUsable()
    {
        var token = await Given.AnInvitationToken(App, Admin, "nia@example.com");

        var weak = await Accept(token, "password1234");

        Assert.Contains("too common", await weak.Html());
        Assert.Equal(HttpStatusCode.Redirect, (await Accept(token)).StatusCode);
    }

    [Fact]
    public async Task Invite_ADuplicateEmail_IsRefused_OnThePageAndInTheApi()
    {
        var page = await Admin.Submit("/Admin/Invite", new Dictionary<string, string>
        {
            ["Input.Email"] = Given.AdminEmail, ["Input.Name"] = "Ada Again", ["Input.Role"] = Roles.Participant,
        });
        var api = await Admin.PostAsJsonAsync("/api/v1/admin/invitations", new { email = Given.AdminEmail, name = "Ada Again", role = Roles.Participant });

        Assert.Contains("An account with this email already exists.", await page.Html());
        Assert.Equal(HttpStatusCode.BadRequest, api.StatusCode);
        Assert.Contains("email", await FieldsOf(api));
        Assert.Equal(0, await App.Query(db => db.Invitations.CountAsync()));
    }

    [Fact]
    public async Task Invite_WithBadValues_NamesEveryField()
    {
        var api = await Admin.PostAsJsonAsync("/api/v1/admin/invitations", new { email = "nope", name = "", role = "Overlord" });

        Assert.Equal(HttpStatusCode.BadRequest, api.StatusCode);
        Assert.Equal(["email", "name", "role"], (await FieldsOf(api)).Order());
        Assert.Equal(0, await App.Query(db => db.Outbox.CountAsync()));
    }

    private static async Task<IReadOnlyList<string>> FieldsOf(HttpResponseMessage problem)
    {
        using var json = JsonDocument.Parse(await problem.Content.ReadAsStringAsync());
        return [.. json.RootElement.GetProperty("errors").EnumerateObject().Select(p => p.Name)];
    }
}
