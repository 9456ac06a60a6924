using System.Net;
using Flipside.Domain;
using Flipside.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Flipside.Tests.Account;

public sealed class SetupTests : IDisposable
{
    private readonly FlipsideFactory _app = new();

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task FirstPage_OnEmptyDatabase_AsksForTheFirstAdministrator()
    {
        var response = await _app.Browser().GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/Account/Setup", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task Setup_CreatesAnAdministrator_ThenIsGoneForGood()
    {
        var admin = await Given.AnAdministrator(_app);

        var home = await admin.GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
        Assert.Contains("Administration", await home.Html());
        Assert.Equal(HttpStatusCode.NotFound, (await _app.Browser().GetAsync("/Account/Setup")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await _app.Browser().GetAsync("/")).StatusCode);
        var admins = await _app.Query(db => db.UserRoles.Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => r.Name).CountAsync(n => n == Roles.Administrator));
        Assert.Equal(1, admins);
    }

    [Theory]
    [InlineData("short pass", "at least 12")]
    [InlineData("password1234", "too common")]
    [InlineData("qwertyuiop123", "too common")]
    public async Task Setup_WithAWeakPassword_ExplainsWhy_AndCreatesNothing(string password, string expected)
    {
        var response = await _app.Browser().Submit("/Account/Setup", new Dictionary<string, string>
        {
            ["Input.Name"] = "Ada", ["Input.Email"] = "ada@example.com", ["Input.Password"] = password, ["Input.ConfirmPassword"] = password,
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(expected, await response.Html(), StringComparison.OrdinalIgnoreCase);
        Assert.Equal(0, await _app.Query(db => db.Users.CountAsync()));
        Assert.False(await _app.Query(db => db.SystemFlags.AnyAsync()));
    }

    [Fact]
    public async Task Setup_WithABadEmail_NamesTheField()
    {
        var response = await _app.Browser().Submit("/Account/Setup", new Dictionary<string, string>
        {
            ["Input.Name"] = "Ada", ["Input.Email"] = "not-an-email", ["Input.Password"] = Given.Password, ["Input.ConfirmPassword"] = Given.Password,
        });

        Assert.Contains("Enter an email address", await response.Html());
        Assert.Equal(0, await _app.Query(db => db.Users.CountAsync()));
    }
}
