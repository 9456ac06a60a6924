using System.Net;
using System.Net.Sockets;
using Flipside.Domain;

namespace Flipside.Features.Chat;

/// <summary>
/// Where Flipside may post announcements. A webhook URL is typed by a program manager and posted to by the server, so
/// an open URL would let them make the server call anything it can reach (an internal admin page, a cloud metadata
/// address). Only https on the chat tools' own hosts is taken: hooks.slack.com for Slack, *.webhook.office.com for
/// Teams, and the hosts an administrator names in <c>Chat:AllowedHosts</c> (a receiver inside the organisation, a
/// Teams workflow's host). A loopback or private address is refused unless that setting names it.
/// </summary>
/// <param name="AllowHttp"><c>Chat:AllowHttpWebhooks</c>: plain http, for a receiver inside the organisation's own network.</param>
/// <param name="AllowedHosts"><c>Chat:AllowedHosts</c>: host names or addresses, "*.example.com" for a domain's hosts.</param>
public sealed record ChatOptions(bool AllowHttp, IReadOnlyList<string> AllowedHosts)
{
    public static ChatOptions From(IConfiguration config)
    {
        var section = config.GetSection("Chat:AllowedHosts");
        // A list in appsettings, or one value separated by commas from an environment variable.
        var hosts = section.GetChildren().Select(c => c.Value).Append(section.Value)
            .SelectMany(v => (v ?? "").Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .Select(h => h.ToLowerInvariant()).Distinct().ToList();
        return new(config.GetValue("Chat:AllowHttpWebhooks", false), hosts);
    }

    /// <summary>Why this URL may not be posted to, or null when it may.</summary>
    public string? Refusal(ChatChannel channel, string url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || !(uri.Scheme == Uri.UriSchemeHttps || AllowHttp && uri.Scheme == Uri.UriSchemeHttp))
            return "Paste the incoming-webhook URL the chat tool gave you; it starts with https://.";
        if (uri.UserInfo.Length > 0) return "A webhook URL carries no user name or password.";
        var host = uri.IdnHost.ToLowerInvariant();
        if (Named(host)) return null;
        if (IPAddress.TryParse(host.Trim('[', ']'), out var address) || host == "localhost" || host.EndsWith(".localhost", StringComparison.Ordinal))
            return IsInternal(address)
                ? $"{uri.Host} is an address inside this network, where Flipside does not post unless an administrator names it in the Chat:AllowedHosts setting."
                : $"Flipside posts to a chat tool's host name, not to the address {uri.Host}; an administrator can name it in the Chat:AllowedHosts setting.";
        return channel == ChatChannel.Slack
            ? $"A Slack incoming webhook is on hooks.slack.com, not {uri.Host}; an administrator can name another host in the Chat:AllowedHosts setting."
            : $"A Teams incoming webhook is on a *.webhook.office.com host, not {uri.Host}; an administrator can name another host in the Chat:AllowedHosts setting.";

        bool Named(string h) =>
            channel == ChatChannel.Slack && h == "hooks.slack.com"
            || channel == ChatChannel.Teams && h.EndsWith(".webhook.office.com", StringComparison.Ordinal)
            || AllowedHosts.Any(a => a == h || a.StartsWith("*.", StringComparison.Ordinal) && h.EndsWith(a[1..], StringComparison.Ordinal));
    }

    /// <summary>Loopback, private, link-local (cloud metadata), unique-local and unspecified addresses; "localhost" too.</summary>
    private static bool IsInternal(IPAddress? address)
    {
        if (address is null) return true;
        if (address.IsIPv4MappedToIPv6) address = address.MapToIPv4();
        if (IPAddress.IsLoopback(address) || address.Equals(IPAddress.Any) || address.Equals(IPAddress.IPv6Any)) return true;
        if (address.AddressFamily == AddressFamily.InterNetworkV6)
            return address.IsIPv6LinkLocal || address.IsIPv6SiteLocal || address.IsIPv6UniqueLocal;
        var b = address.GetAddressBytes();
        return b[0] == 10 || b[0] == 127 || b[0] == 0 || (b[0] == 172 && b[1] >= 16 && b[1] <= 31) || (b[0] == 192 && b[1] == 168)
            || (b[0] == 169 && b[1] == 254) || (b[0] == 100 && b[1] >= 64 && b[1] <= 127);
    }
}
