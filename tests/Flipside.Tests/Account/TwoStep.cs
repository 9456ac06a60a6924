using System.Net;
using System.Text.RegularExpressions;
using Flipside.Tests.Support;

namespace Flipside.Tests.Account;

/// <summary>Sets up two-step sign-in for a signed-in client through its page, as a person with a phone would.</summary>
public static partial class TwoStep
{
    public static async Task<(string Key, IReadOnlyList<string> Codes)> SetUp(HttpClient client)
    {
        Assert.Equal(HttpStatusCode.Redirect, (await client.Submit("/TwoStep", new Dictionary<string, string>(), "/TwoStep?handler=Start")).StatusCode);
        var key = Key().Match(await (await client.GetAsync("/TwoStep")).Html()).Groups[1].Value;
        var on = await (await client.Submit("/TwoStep", new Dictionary<string, string> { ["Code"] = Totp.Code(key, DateTimeOffset.UtcNow) },
            "/TwoStep?handler=Confirm")).Html();
        var codes = Codes().Matches(on).Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(10, codes.Count);
        return (key, codes);
    }

    [GeneratedRegex("id=\"authenticator-key\">([a-z2-7 ]+)<")]
    private static partial Regex Key();

    [GeneratedRegex("<li>([A-Z0-9]{5}-[A-Z0-9]{5})</li>")]
    private static partial Regex Codes();
}
