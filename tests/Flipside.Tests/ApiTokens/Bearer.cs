using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Flipside.Domain;
using Flipside.Tests.Support;

namespace Flipside.Tests.ApiTokens;

/// <summary>Makes tokens through the API as their signed-in owner would, and clients that call with nothing but the token.</summary>
public static class Bearer
{
    public static async Task<(Guid Id, string Token)> ATokenFor(HttpClient owner, int expiresInDays = 30, params ApiScope[] scopes)
    {
        var response = await owner.PostAsJsonAsync("/api/v1/account/tokens",
            new { name = "script", scopes = scopes.Select(s => s.ToString()), expiresInDays });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return (body.GetProperty("id").GetGuid(), body.GetProperty("token").GetString()!);
    }

    /// <summary>A client without cookies that sends the token on every request.</summary>
    public static HttpClient Client(FlipsideFactory app, string token)
    {
        var client = app.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false });
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public static async Task<HttpClient> ClientOf(FlipsideFactory app, HttpClient owner, params ApiScope[] scopes) =>
        Client(app, (await ATokenFor(owner, 30, scopes)).Token);
}
