using Flipside.Infrastructure.Startup;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace Flipside.Features.Shared;

/// <summary>
/// The address people use to reach Flipside, for links in emails: <c>App:PublicUrl</c>, or else the address the
/// server itself listens on. Never the incoming request's Host header, which a caller chooses: a forged one would
/// put the caller's site into a real invitation email.
/// </summary>
public sealed class PublicUrl(IConfiguration config, IServer server)
{
    public string Base => Configured(config) ?? Listening(server);

    /// <summary>A link to a path of the app, e.g. <c>Link("/Account/Invitation?token=…")</c>.</summary>
    public string Link(string pathAndQuery) => Base + pathAndQuery;

    /// <summary>
    /// Checked at start-up. Without <c>App:PublicUrl</c> the listening address stands in, which is right on one
    /// machine where mail stays in the outbox; once mail leaves for real (SMTP configured), its links must be ones a
    /// reader elsewhere can follow, which only the operator can say.
    /// </summary>
    public static string? Problem(IConfiguration config)
    {
        var configured = config["App:PublicUrl"]?.Trim();
        if (!string.IsNullOrEmpty(configured))
            return Uri.TryCreate(configured, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" && uri.Query.Length == 0 && uri.Fragment.Length == 0
                ? null
                : $"App:PublicUrl is '{configured}'; use the address people open Flipside at, such as https://flipside.example.com.";
        if (!string.IsNullOrWhiteSpace(config["Smtp:Host"]))
            return "Set App:PublicUrl to the address people open Flipside at (e.g. https://flipside.example.com): with SMTP configured, "
                + "emails leave with links in them, and only you know the address their readers can follow.";
        return null;
    }

    public static void AddPublicUrl(IServiceCollection services, IConfiguration config)
    {
        if (Problem(config) is { } problem) throw new StartupException(problem);
        services.AddSingleton<PublicUrl>();
    }

    private static string? Configured(IConfiguration config) => config["App:PublicUrl"]?.Trim() is { Length: > 0 } url ? url.TrimEnd('/') : null;

    private static string Listening(IServer server)
    {
        var address = server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault(a => !a.EndsWith(":0", StringComparison.Ordinal));
        if (address is null) return "http://localhost";
        if (!IsWildcard(address)) return address.TrimEnd('/');
        // Kestrel reports a wildcard as it was given ("http://[::]:80", "http://*:80"); on one machine that is localhost.
        var port = address[(address.LastIndexOf(':') + 1)..].TrimEnd('/');
        return $"{address[..address.IndexOf("://", StringComparison.Ordinal)]}://localhost:{port}";
    }

    private static bool IsWildcard(string url) =>
        url.Contains("://*", StringComparison.Ordinal) || url.Contains("://+", StringComparison.Ordinal) ||
        url.Contains("://0.0.0.0", StringComparison.Ordinal) || url.Contains("://[::]", StringComparison.Ordinal);
}
