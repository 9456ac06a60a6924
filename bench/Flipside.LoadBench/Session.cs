using System.Net;
using System.Net.Http.Json;

namespace Flipside.LoadBench;

/// <summary>A signed-in HTTP client, as an API client or a browser would hold one.</summary>
public static class Session
{
    public const string DemoPassword = "flipside-demo-2026";

    public static async Task<(HttpClient Client, CookieContainer Cookies)> SignIn(string url, string email, string password)
    {
        var cookies = new CookieContainer();
        var handler = new SocketsHttpHandler { CookieContainer = cookies, MaxConnectionsPerServer = 64 };
        var client = new HttpClient(handler) { BaseAddress = new Uri(url), Timeout = TimeSpan.FromMinutes(2) };
        using var response = await client.PostAsJsonAsync("/api/v1/account/sign-in", new { email, password });
        if (!response.IsSuccessStatusCode)
            throw new HttpRequestException($"sign-in as {email} failed: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return (client, cookies);
    }

    /// <summary>Prints "Cookie: name=value; ..." for wrk's -H.</summary>
    public static async Task<int> PrintCookie(Dictionary<string, string> o)
    {
        var (client, cookies) = await SignIn(o["url"], o.GetValueOrDefault("email", "admin@flipside.demo"), o.GetValueOrDefault("password", DemoPassword));
        using (client) Console.WriteLine($"Cookie: {cookies.GetCookieHeader(new Uri(o["url"]))}");
        return 0;
    }
}
