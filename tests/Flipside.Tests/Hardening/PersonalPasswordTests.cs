using System.Net;
using System.Net.Http.Json;
using Flipside.Domain;
using Flipside.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Flipside.Tests.Hardening;

/// <summary>A password made of the person's own name or email name is refused wherever it is set (security probe, issue 14).</summary>
public sealed class PersonalPasswordTests : IDisposable
{
    private readonly FlipsideFactory _app = new();

    public void Dispose() => _app.Dispose();

    private Task<HttpResponseMessage> Setup(string name, string email, string password) =>
        _app.Browser().Submit("/Account/Setup", new Dictionary<string, string>
        {
            ["Input.Name"] = name, ["Input.Email"] = email, ["Input.Password"] = password, ["Input.ConfirmPassword"] = password,
        });

    [Theory]
    [InlineData("Weak Person", "weak@example.com", "weakperson12345")]
    [InlineData("Someone Else", "weak@example.com", "my WEAK password 99")]
    [InlineData("Grace Hopper", "admiral@example.com", "hopper compiler 1952")]
    [InlineData("Grace Hopper", "g.hopper+it@example.com", "HOPPERhopper-1906")]
    public async Task Setup_WithTheEmailNameOrAWordOfTheName_IsRefusedWithAClearMessage(string name, string email, string password)
    {
        var response = await Setup(name, email, password);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("contains your name or the name in your email address", await response.Html(), StringComparison.Ordinal);
        Assert.Equal(0, await _app.Query(db => db.Users.CountAsync()));
    }

    [Fact]
    public async Task Setup_WithAnUnrelatedPassword_Works_EvenWhenTheNameHasShortWords()
    {
        // "Al" and "Li" are shorter than three letters, so "alpine" and "lime" do not count as the name.
        var response = await Setup("Al Li", "al@example.com", "alpine lime orchard 7");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    [Fact]
    public async Task AcceptingAnInvitation_WithTheInvitedNameInThePassword_IsRefused_OnThePageAndTheApi()
    {
        var admin = await Given.AnAdministrator(_app);
        var token = await Given.AnInvitationToken(_app, admin, "nia@example.com", Roles.Participant);

        var api = await _app.Browser().PostAsJsonAsync("/api/v1/account/invitations/accept", new { token, password = "newcomer newcomer 2026" });
        var page = await _app.Browser().Submit($"/Account/Invitation?token={token}", new Dictionary<string, string>
        {
            ["Token"] = token, ["Input.Password"] = "Nia-rocks-the-house-1", ["Input.ConfirmPassword"] = "Nia-rocks-the-house-1",
        });

        Assert.Equal(HttpStatusCode.BadRequest, api.StatusCode);
        Assert.Contains("contains your name", await api.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("contains your name", await page.Html(), StringComparison.Ordinal);
        Assert.False(await _app.Query(db => db.Users.AnyAsync(u => u.Email == "nia@example.com")));
    }
}
