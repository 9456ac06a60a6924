using System.Net;
using System.Net.Http.Json;
using Flipside.Domain;
using Flipside.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Flipside.Tests.Platform;

/// <summary>Links in emails come from the one configured public address, never from the Host header a caller sends.</summary>
public sealed class PublicUrlTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("flipside-url-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Theory]
    [InlineData("https://flipside.example.com", "https://flipside.example.com/Account/Invitation?token=")]
    [InlineData(null, "http://localhost:5080/Account/Invitation?token=")] // the listening address from appsettings.json
    public async Task AnInvitationLink_IgnoresAForgedHostHeader(string? publicUrl, string expected)
    {
        // The test client speaks plain http to an https public address, as a TLS proxy would without X-Forwarded-Proto.
        using var app = new FlipsideFactory().With("App:PublicUrl", publicUrl).With("Security:HttpsCookies", "false");
        var admin = await Given.AnAdministrator(app);
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/admin/invitations")
        {
            Content = JsonContent.Create(new { email = "nia@example.com", name = "Nia", role = Roles.Participant }),
        };
        request.Headers.Host = "evil.example";

        var response = await admin.SendAsync(request);
        var body = await app.Query(db => db.Outbox.Where(m => m.To == "nia@example.com").Select(m => m.TextBody).SingleAsync());

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.True(body.Contains(expected, StringComparison.Ordinal), body);
        Assert.DoesNotContain("evil.example", body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--urls=http://localhost:5080", "Set App:PublicUrl to the address people open Flipside at")]
    [InlineData("--urls=http://0.0.0.0:5080", "Set App:PublicUrl to the address people open Flipside at")]
    [InlineData("--App:PublicUrl=https://flipside.example.com/#x", "App:PublicUrl is 'https://flipside.example.com/#x'")]
    [InlineData("--App:PublicUrl=flipside", "App:PublicUrl is 'flipside'")]
    public async Task Startup_WithoutAUsablePublicUrl_WhenMailLeaves_StopsWithOneLine(string setting, string expected)
    {
        var run = await FlipsideProcess.Run(["migrate", "--data", Path.Combine(_dir, "data"), "--Smtp:Host=mail.example.com", setting]);

        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains(expected, run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.Error, StringComparison.Ordinal);
    }
}
