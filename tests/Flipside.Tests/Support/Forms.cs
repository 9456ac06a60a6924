using System.Net;
using System.Text.RegularExpressions;

namespace Flipside.Tests.Support;

/// <summary>Fills and posts server-rendered forms the way a browser would, antiforgery token included.</summary>
public static partial class Forms
{
    public static async Task<HttpResponseMessage> Submit(this HttpClient client, string pageUrl, IDictionary<string, string> fields, string? postUrl = null)
    {
        var page = await client.GetAsync(pageUrl);
        Assert.True(page.StatusCode == HttpStatusCode.OK, $"GET {pageUrl} gave {(int)page.StatusCode}");
        var html = await page.Content.ReadAsStringAsync();
        var token = TokenField().Match(html);
        Assert.True(token.Success, $"No antiforgery token on {pageUrl}");
        var form = new Dictionary<string, string>(fields) { ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token.Groups[1].Value) };
        return await client.PostAsync(postUrl ?? pageUrl, new FormUrlEncodedContent(form));
    }

    /// <summary>The antiforgery token a page gives this client; any form of the client's session accepts it.</summary>
    public static async Task<string> AntiforgeryToken(this HttpClient client, string pageUrl)
    {
        var html = await (await client.GetAsync(pageUrl)).Content.ReadAsStringAsync();
        var token = TokenField().Match(html);
        Assert.True(token.Success, $"No antiforgery token on {pageUrl}");
        return WebUtility.HtmlDecode(token.Groups[1].Value);
    }

    public static async Task<string> Html(this HttpResponseMessage response) => WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenField();
}
