using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Flipside.Domain;
using Flipside.Tests.ApiTokens;
using Flipside.Tests.Support;

namespace Flipside.Tests.Account;

/// <summary>A cookie someone copied before sign-out must be worth nothing afterwards (security probe, issue 14).</summary>
public sealed partial class SignOutTests(FlipsideFactory app) : AdministeredTests(app)
{
    [Fact]
    public async Task SignOut_ThroughTheApi_TheCapturedCookieGets401_AndHomeRedirectsToSignIn()
    {
        var captured = await Session.SignIn(App, Given.AdminEmail);
        Assert.Equal(HttpStatusCode.OK, (await captured.Get("/api/v1/account/me")).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await captured.Send(HttpMethod.Post, "/api/v1/account/sign-out")).StatusCode);

        Assert.Equal(HttpStatusCode.Unauthorized, (await captured.Get("/api/v1/account/me")).StatusCode);
        var home = await captured.Get("/");
        Assert.Equal(HttpStatusCode.Redirect, home.StatusCode);
        Assert.StartsWith("/Account/SignIn", home.Headers.Location?.PathAndQuery ?? home.Headers.Location?.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignOut_FromThePage_EndsThatSessionOnly()
    {
        var captured = await Session.SignIn(App, Given.AdminEmail);
        var other = await Session.SignIn(App, Given.AdminEmail);

        var signedOut = await captured.SubmitPage("/Account/SignOut", "/Account/SignOut");

        Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await captured.Get("/api/v1/account/me")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await captured.Get("/")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await other.Get("/api/v1/account/me")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Admin.GetAsync("/")).StatusCode);
    }

    [Fact]
    public async Task SignOutEverywhere_FromThePage_EndsEverySession_ButApiTokensKeepWorking()
    {
        var token = await Bearer.ClientOf(App, Admin, ApiScope.ReadDirectory);
        var captured = await Session.SignIn(App, Given.AdminEmail);
        var stampBefore = await App.Query(db => Task.FromResult(db.Users.Single().SecurityStamp));

        var signedOut = await captured.SubmitPage("/Account/SignOut", "/Account/SignOut?handler=Everywhere");

        Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await captured.Get("/api/v1/account/me")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Admin.GetAsync("/api/v1/account/me")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await Admin.GetAsync("/")).StatusCode);
        Assert.NotEqual(stampBefore, await App.Query(db => Task.FromResult(db.Users.Single().SecurityStamp)));
        Assert.Equal(HttpStatusCode.OK, (await token.GetAsync("/api/v1/account/me")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await token.GetAsync("/api/v1/people")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await (await Given.SignedIn(App, Given.AdminEmail)).GetAsync("/api/v1/account/me")).StatusCode);
    }

    [Fact]
    public async Task SignOutEverywhere_ThroughTheApi_EndsEverySession()
    {
        var captured = await Session.SignIn(App, Given.AdminEmail);

        Assert.Equal(HttpStatusCode.NoContent, (await Admin.PostAsync("/api/v1/account/sign-out?everywhere=true", null)).StatusCode);

        Assert.Equal(HttpStatusCode.Unauthorized, (await captured.Get("/api/v1/account/me")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Admin.GetAsync("/api/v1/account/me")).StatusCode);
    }

    [Fact]
    public async Task Deactivation_EndsTheBrowserSessionAtOnce()
    {
        var pat = await Given.AnAccount(App, Admin, "pat@example.com", Roles.Participant);
        var id = await App.Query(db => Task.FromResult(db.Users.Single(u => u.Email == "pat@example.com").Id));

        Assert.Equal(HttpStatusCode.NoContent, (await Admin.PostAsync($"/api/v1/admin/users/{id}/deactivate", null)).StatusCode);

        Assert.Equal(HttpStatusCode.Unauthorized, (await pat.GetAsync("/api/v1/account/me")).StatusCode);
    }

    [Fact]
    public async Task SignOutPage_OffersBothChoices_AndSaysSoWhenSignedOut()
    {
        var page = await (await Admin.GetAsync("/Account/SignOut")).Html();
        Assert.Contains("Sign out everywhere", page);

        var anonymous = await (await App.Browser().GetAsync("/Account/SignOut")).Html();
        Assert.Contains("You are signed out.", anonymous);
    }

    /// <summary>A session cookie held by hand, as someone who copied it would hold it, replayed on every request.</summary>
    private sealed partial class Session(HttpClient client, string cookie)
    {
        public static async Task<Session> SignIn(FlipsideFactory app, string email)
        {
            var client = app.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false });
            var response = await client.PostAsJsonAsync("/api/v1/account/sign-in", new { email, password = Given.Password });
            Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
            return new(client, Cookies(response));
        }

        public Task<HttpResponseMessage> Get(string path) => Send(HttpMethod.Get, path);

        public Task<HttpResponseMessage> Send(HttpMethod method, string path, HttpContent? content = null, string? extraCookie = null)
        {
            var request = new HttpRequestMessage(method, path) { Content = content };
            request.Headers.Add("Cookie", extraCookie is null ? cookie : cookie + "; " + extraCookie);
            return client.SendAsync(request);
        }

        /// <summary>Opens the page with this cookie and posts its form, antiforgery cookie and token included.</summary>
        public async Task<HttpResponseMessage> SubmitPage(string pageUrl, string postUrl)
        {
            var page = await Get(pageUrl);
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            var token = WebUtility.HtmlDecode(TokenField().Match(await page.Content.ReadAsStringAsync()).Groups[1].Value);
            var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token });
            return await Send(HttpMethod.Post, postUrl, form, Cookies(page));
        }

        private static string Cookies(HttpResponseMessage response) =>
            string.Join("; ", response.Headers.TryGetValues("Set-Cookie", out var values) ? values.Select(v => v.Split(';')[0]) : []);

        [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
        private static partial Regex TokenField();
    }
}
