using Ganss.Xss;
using Markdig;

namespace Flipside.Features.Training;

/// <summary>
/// Module text to HTML: Markdig renders, HtmlSanitizer then keeps only harmless markup, so a module a program manager
/// wrote cannot run a script or restyle the page (the CSP would block inline script too; this keeps the markup clean).
/// </summary>
public static class TrainingMarkdown
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().UseAdvancedExtensions().DisableHtml().Build();

    private static readonly HtmlSanitizer Sanitizer = MakeSanitizer();

    public static string ToHtml(string markdown) => Sanitizer.Sanitize(Markdown.ToHtml(markdown, Pipeline));

    private static HtmlSanitizer MakeSanitizer()
    {
        var sanitizer = new HtmlSanitizer();
        // No inline styles (the CSP refuses them anyway) and links only to the web or mail.
        sanitizer.AllowedAttributes.Remove("style");
        sanitizer.AllowedSchemes.Clear();
        foreach (var scheme in new[] { "https", "http", "mailto" }) sanitizer.AllowedSchemes.Add(scheme);
        return sanitizer;
    }
}
