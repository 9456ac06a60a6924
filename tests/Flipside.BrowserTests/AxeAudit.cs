using System.Text.Json;
using Microsoft.Playwright;

namespace Flipside.BrowserTests;

/// <summary>
/// Runs axe-core on each page a test shows and reports every serious or critical violation at the end, so one
/// run names all the pages to fix rather than only the first.
/// </summary>
public sealed class AxeAudit
{
    private static readonly Lazy<string> Script = new(() => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "axe", "axe.min.js")));
    private static readonly string[] Blocking = ["serious", "critical"];

    private readonly List<string> _pages = [];
    private readonly List<string> _problems = [];

    public sealed record Violation(string Id, string? Impact, string Help, string HelpUrl, string[] Targets);

    /// <summary>Needs a browser context with BypassCSP: the app's script-src 'self' would refuse the injected script.</summary>
    public async Task CheckAsync(IPage page)
    {
        // After a form's post the page may still be loading its stylesheets; audited unstyled, every link fails contrast.
        await page.WaitForLoadStateAsync(LoadState.Load);
        await page.AddScriptTagAsync(new() { Content = Script.Value });
        var result = await page.EvaluateAsync<JsonElement>("""
            async () => (await axe.run(document)).violations.map(v => ({
                id: v.id, impact: v.impact, help: v.help, helpUrl: v.helpUrl,
                targets: v.nodes.map(n => n.target.join(' ') + ': ' + [...n.any, ...n.all, ...n.none].map(c => c.message).join('; '))
            }))
            """);
        // Playwright cannot build records from script results; System.Text.Json can.
        var violations = result.Deserialize<Violation[]>(JsonSerializerOptions.Web) ?? [];
        var url = new Uri(page.Url);
        _pages.Add(url.AbsolutePath);
        var path = url.PathAndQuery;
        foreach (var v in violations.Where(v => Blocking.Contains(v.Impact)))
            _problems.Add($"{path}: {v.Id} ({v.Impact}) {v.Help} {v.HelpUrl}\n    {string.Join("\n    ", v.Targets)}");
    }

    public void AssertClean()
    {
        Assert.NotEmpty(_pages);
        Assert.True(_problems.Count == 0,
            $"axe-core found serious or critical accessibility violations:\n{string.Join("\n", _problems)}");
    }

    /// <summary>The paths checked, without query strings.</summary>
    public IReadOnlyList<string> Pages => _pages;
}
