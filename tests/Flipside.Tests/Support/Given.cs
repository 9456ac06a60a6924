using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Flipside.Domain;
using Flipside.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace Flipside.Tests.Support;

/// <summary>Puts the app into a known state through its front door.</summary>
public static partial class Given
{
    public const string AdminEmail = "ada@example.com";
    public const string Password = "orbit lantern meadow 42";

    public static async Task<HttpClient> AnAdministrator(FlipsideFactory app)
    {
        var client = app.Browser();
        var response = await client.Submit("/Account/Setup", new Dictionary<string, string>
        {
            ["Input.Name"] = "Ada Admin", ["Input.Email"] = AdminEmail, ["Input.Password"] = Password, ["Input.ConfirmPassword"] = Password,
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    public static async Task<HttpClient> SignedIn(FlipsideFactory app, string email, string password = Password)
    {
        var client = app.Browser();
        var response = await client.PostAsJsonAsync("/api/v1/account/sign-in", new { email, password });
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        return client;
    }

    public static async Task<string> AnInvitationToken(FlipsideFactory app, HttpClient admin, string email, string role = Roles.Participant)
    {
        var response = await admin.PostAsJsonAsync("/api/v1/admin/invitations", new { email, name = "Nia Newcomer", role });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await LatestInvitationToken(app, email);
    }

    /// <summary>Reads the link out of the newest email in the outbox whose invitation still works, as the invited person would.</summary>
    public static async Task<string> LatestInvitationToken(FlipsideFactory app, string email)
    {
        var bodies = await app.Query(db => db.Outbox.Where(m => m.To == email).OrderByDescending(m => m.CreatedAt).Select(m => m.TextBody).ToListAsync());
        var open = await app.Query(db => db.Invitations.Where(i => i.Email == email && i.UsedAt == null && i.RevokedAt == null).Select(i => i.TokenHash).ToListAsync());
        return bodies.Select(b => TokenInLink().Match(b).Groups[1].Value).First(t => t.Length > 0 && open.Contains(Tokens.Hash(t)));
    }

    public static async Task<HttpClient> AnAccount(FlipsideFactory app, HttpClient admin, string email, string role)
    {
        var token = await AnInvitationToken(app, admin, email, role);
        var accepted = await app.Browser().PostAsJsonAsync("/api/v1/account/invitations/accept", new { token, password = Password });
        Assert.Equal(HttpStatusCode.NoContent, accepted.StatusCode);
        return await SignedIn(app, email);
    }

    [GeneratedRegex(@"/Account/Invitation\?token=([A-Za-z0-9_\-]+)")]
    private static partial Regex TokenInLink();
}
