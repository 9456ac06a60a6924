using System.Net;
using System.Net.Http.Json;
using Flipside.Domain;
using Flipside.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Flipside.Tests.Account;

/// <summary>With Sso:Only an invitation asks for no password: the person takes it up by signing in with the provider.</summary>
public sealed class SsoOnlyInvitationTests
{
    private const string BreakGlass = "glass@example.com";

    // Nothing listens on the discard port: the provider is configured and never asked, as these pages need no answer from it.
    private static FlipsideFactory SsoOnly() => new FlipsideFactory().With("Sso:Authority", "http://127.0.0.1:9/").With("Sso:ClientId", "flipside")
        .With("Sso:DisplayName", "Contoso").With("Sso:Only", "true").With("Sso:BreakGlassEmail", BreakGlass);

    [Fact]
    public async Task TheAcceptancePage_OffersSingleSignOn_AndTakesNoPassword()
    {
        using var app = SsoOnly();
        var admin = await Given.AnAdministrator(app);
        var token = await Given.AnInvitationToken(app, admin, "pat@example.com", Roles.ProgramManager);
        var visitor = app.Browser();

        var page = await (await visitor.GetAsync($"/Account/Invitation?token={token}")).Html();

        Assert.Contains("Sign in with Contoso", page);
        Assert.Contains("href=\"/Account/SingleSignOn\"", page);
        Assert.DoesNotContain("type=\"password\"", page);
        var posted = await visitor.PostAsync($"/Account/Invitation?token={token}", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = await visitor.AntiforgeryToken("/Account/SignIn"),
            ["Token"] = token, ["Input.Password"] = Given.Password, ["Input.ConfirmPassword"] = Given.Password,
        }));
        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        Assert.Contains("Sign in with Contoso", await posted.Html());
        Assert.False(await app.Query(db => db.Users.AnyAsync(u => u.Email == "pat@example.com")));
        Assert.Null(await app.Query(db => db.Invitations.Where(i => i.Email == "pat@example.com").Select(i => i.UsedAt).SingleAsync()));
    }

    [Fact]
    public async Task TheAcceptanceApi_RefusesAPassword_AsThePageDoes_ButNotTheBreakGlassAccounts()
    {
        using var app = SsoOnly();
        var admin = await Given.AnAdministrator(app);
        var token = await Given.AnInvitationToken(app, admin, "pat@example.com", Roles.ProgramManager);

        var refused = await app.Browser().PostAsJsonAsync("/api/v1/account/invitations/accept", new { token, password = Given.Password });

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Contains("sign in with Contoso", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.False(await app.Query(db => db.Users.AnyAsync(u => u.Email == "pat@example.com")));
        Assert.Null(await app.Query(db => db.Invitations.Where(i => i.Email == "pat@example.com").Select(i => i.UsedAt).SingleAsync()));

        var glass = await Given.AnInvitationToken(app, admin, BreakGlass, Roles.Administrator);
        var accepted = await app.Browser().PostAsJsonAsync("/api/v1/account/invitations/accept", new { token = glass, password = Given.Password });
        Assert.Equal(HttpStatusCode.NoContent, accepted.StatusCode);
    }

    [Fact]
    public async Task TheBreakGlassAdministratorsInvitation_StillAsksForAPassword()
    {
        using var app = SsoOnly();
        var admin = await Given.AnAdministrator(app);
        var token = await Given.AnInvitationToken(app, admin, BreakGlass, Roles.Administrator);

        var accepted = await app.Browser().Submit($"/Account/Invitation?token={token}", new Dictionary<string, string>
        {
            ["Token"] = token, ["Input.Password"] = Given.Password, ["Input.ConfirmPassword"] = Given.Password,
        });

        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        await Given.SignedIn(app, BreakGlass);
    }
}
