using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Flipside.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Flipside.Tests.Account;

public sealed partial class TwoStepSignInTests(FlipsideFactory app) : AdministeredTests(app)
{
    private const string Page = "/TwoStep";

    [Fact]
    public async Task SetUp_ShowsTheKeyInFoursAndAQrCode_AndACodeTurnsItOn_WithTenRecoveryCodesShownOnce()
    {
        Assert.Equal(HttpStatusCode.Redirect, (await Admin.Submit(Page, new Dictionary<string, string>(), Page + "?handler=Start")).StatusCode);
        var html = await (await Admin.GetAsync(Page)).Html();
        var key = KeyOnPage().Match(html).Groups[1].Value;
        Assert.Matches("^([a-z2-7]{4} )+[a-z2-7]{1,4}$", key);
        Assert.Contains("otpauth://totp/Flipside:" + Uri.EscapeDataString(Given.AdminEmail) + "?secret=", html, StringComparison.Ordinal);
        var svg = html[html.IndexOf("<svg", StringComparison.Ordinal)..(html.IndexOf("</svg>", StringComparison.Ordinal) + 6)];
        Assert.DoesNotContain("style", svg, StringComparison.OrdinalIgnoreCase);

        var wrong = await (await Admin.Submit(Page, new Dictionary<string, string> { ["Code"] = Totp.WrongCode(key) }, Page + "?handler=Confirm")).Html();
        Assert.Contains("That code is not right", wrong, StringComparison.Ordinal);
        Assert.False(await App.Query(db => db.Users.Select(u => u.TwoFactorEnabled).SingleAsync()));

        var on = await (await Admin.Submit(Page, new Dictionary<string, string> { ["Code"] = Totp.Code(key, DateTimeOffset.UtcNow) }, Page + "?handler=Confirm")).Html();
        Assert.Equal(10, RecoveryCodes().Count(on));
        Assert.Contains("Two-step sign-in is on", on, StringComparison.Ordinal);
        var again = await (await Admin.GetAsync(Page)).Html();
        Assert.Empty(RecoveryCodes().Matches(again));
        Assert.Contains("10 recovery codes left", again, StringComparison.Ordinal);
        Assert.True(await App.Query(db => db.AuditLog.AnyAsync(e => e.Action == "account.two-step-on")));
    }

    [Fact]
    public async Task SignIn_WithTwoStepOn_AsksForTheCode_AndTheCodeSignsIn_WithASessionOnTheServer()
    {
        var (key, _) = await SetUp();
        var browser = App.Browser();
        var password = await SignIn(browser);
        Assert.StartsWith("/Account/SignInCode", password.Headers.Location?.OriginalString, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await browser.GetAsync("/")).StatusCode);
        var sessions = await App.Query(db => db.SignInSessions.CountAsync());

        var code = await browser.Submit("/Account/SignInCode", new Dictionary<string, string> { ["Code"] = Totp.Code(key, DateTimeOffset.UtcNow) });

        Assert.Equal(HttpStatusCode.Redirect, code.StatusCode);
        Assert.Equal("/", code.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/")).StatusCode);
        Assert.Equal(sessions + 1, await App.Query(db => db.SignInSessions.CountAsync()));
        Assert.True(await App.Query(db => db.AuditLog.AnyAsync(e => e.Action == "account.signed-in" && e.Summary.Contains("an authenticator code"))));
    }

    [Fact]
    public async Task ARecoveryCode_SignsInOnce_TypedAnyHow_AndNewCodesEndTheOldOnes()
    {
        var (_, codes) = await SetUp();
        var first = codes[0].Replace("-", "", StringComparison.Ordinal).ToLowerInvariant();

        var browser = App.Browser();
        await SignIn(browser);
        var used = await browser.Submit("/Account/SignInCode", new Dictionary<string, string> { ["Code"] = first });
        Assert.Equal(HttpStatusCode.Redirect, used.StatusCode);
        Assert.True(await App.Query(db => db.AuditLog.AnyAsync(e => e.Action == "account.recovery-code-used" && e.Summary.Contains("9 codes left"))));

        var reused = App.Browser();
        await SignIn(reused);
        var again = await reused.Submit("/Account/SignInCode", new Dictionary<string, string> { ["Code"] = codes[0] });
        Assert.Contains("That code is not right", await again.Html(), StringComparison.Ordinal);

        var fresh = await (await Admin.Submit(Page, new Dictionary<string, string>(), Page + "?handler=RecoveryCodes")).Html();
        Assert.Equal(10, RecoveryCodes().Count(fresh));
        var old = App.Browser();
        await SignIn(old);
        Assert.Contains("That code is not right", await (await old.Submit("/Account/SignInCode", new Dictionary<string, string> { ["Code"] = codes[1] })).Html(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task WrongCodes_CountTowardTheLockout_AndThenEvenTheRightCodeIsRefused()
    {
        var (key, _) = await SetUp();
        var browser = App.Browser();
        await SignIn(browser);
        for (var i = 0; i < 5; i++)
            await browser.Submit("/Account/SignInCode", new Dictionary<string, string> { ["Code"] = Totp.WrongCode(key) });

        var right = await browser.Submit("/Account/SignInCode", new Dictionary<string, string> { ["Code"] = Totp.Code(key, DateTimeOffset.UtcNow) });

        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        Assert.Contains("locked for five minutes", await right.Html(), StringComparison.Ordinal);
        Assert.NotNull(await App.Query(db => db.Users.Select(u => u.LockoutEnd).SingleAsync()));
    }

    [Fact]
    public async Task TheCodeStep_WithoutTheRightPasswordFirst_StartsAgainFromTheSignInPage()
    {
        var response = await App.Browser().GetAsync("/Account/SignInCode");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/SignIn", response.Headers.Location?.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ApiSignIn_SaysACodeIsNeeded_AndTakesItInTheCodeField()
    {
        var (key, _) = await SetUp();
        var client = App.Browser();

        var asked = await client.PostAsJsonAsync("/api/v1/account/sign-in", new { email = Given.AdminEmail, password = Given.Password });
        Assert.Equal(HttpStatusCode.Unauthorized, asked.StatusCode);
        var problem = await asked.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("codeRequired").GetBoolean());
        Assert.Contains("\"code\" field", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);

        var wrong = await client.PostAsJsonAsync("/api/v1/account/sign-in", new { email = Given.AdminEmail, password = Given.Password, code = Totp.WrongCode(key) });
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.Equal("Email, password or code is incorrect.", (await wrong.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
        var badPassword = await client.PostAsJsonAsync("/api/v1/account/sign-in", new { email = Given.AdminEmail, password = "not the password at all", code = Totp.Code(key, DateTimeOffset.UtcNow) });
        Assert.Equal("Email, password or code is incorrect.", (await badPassword.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());

        var ok = await client.PostAsJsonAsync("/api/v1/account/sign-in", new { email = Given.AdminEmail, password = Given.Password, code = Totp.Code(key, DateTimeOffset.UtcNow) });
        Assert.Equal(HttpStatusCode.NoContent, ok.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/account/me")).StatusCode);
    }

    [Fact]
    public async Task TurningOff_NeedsACodeOrThePassword_AndThenThePasswordAloneSignsIn()
    {
        await SetUp();
        var wrong = await (await Admin.Submit(Page, new Dictionary<string, string> { ["Password"] = "not the password at all" }, Page + "?handler=TurnOff")).Html();
        Assert.Contains("That code or password is not right.", wrong, StringComparison.Ordinal);
        var nothing = await (await Admin.Submit(Page, new Dictionary<string, string>(), Page + "?handler=TurnOff")).Html();
        Assert.Contains("Enter a code from your authenticator app, or your password.", nothing, StringComparison.Ordinal);

        var off = await Admin.Submit(Page, new Dictionary<string, string> { ["Password"] = Given.Password }, Page + "?handler=TurnOff");

        Assert.Equal(HttpStatusCode.Redirect, off.StatusCode);
        Assert.Equal("/", (await SignIn(App.Browser())).Headers.Location?.OriginalString);
        Assert.True(await App.Query(db => db.AuditLog.AnyAsync(e => e.Action == "account.two-step-off")));
        Assert.DoesNotContain("authenticator-key", await (await Admin.GetAsync(Page)).Html(), StringComparison.Ordinal);
    }

    private Task<HttpResponseMessage> SignIn(HttpClient client) =>
        client.Submit("/Account/SignIn", new Dictionary<string, string> { ["Input.Email"] = Given.AdminEmail, ["Input.Password"] = Given.Password });

    private Task<(string Key, IReadOnlyList<string> Codes)> SetUp() => TwoStep.SetUp(Admin);

    [GeneratedRegex("id=\"authenticator-key\">([a-z2-7 ]+)<")]
    private static partial Regex KeyOnPage();

    [GeneratedRegex("<li>([A-Z0-9]{5}-[A-Z0-9]{5})</li>")]
    private static partial Regex RecoveryCodes();
}
