namespace Flipside.Features.Shared;

/// <summary>The address people use to reach Flipside, for links in emails. <c>App:PublicUrl</c> wins behind a proxy.</summary>
public static class PublicUrl
{
    public static string Of(HttpRequest request, IConfiguration config) =>
        config["App:PublicUrl"] is { Length: > 0 } configured ? configured.TrimEnd('/') : $"{request.Scheme}://{request.Host}{request.PathBase}";
}
