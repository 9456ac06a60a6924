using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Flipside.BrowserTests;

/// <summary>One person in two browsers: one under the real policy, whose console must stay clean, and one that lets axe in.</summary>
public sealed class Visitor(IBrowserContext strict, IPage page, IBrowserContext audited, IPage auditPage) : IAsyncDisposable
{
    public IPage Page { get; } = page;
    public List<string> ConsoleErrors { get; } = [];

    public static async Task<Visitor> Of(DemoFlipside app, Person? person)
    {
        var strict = await app.NewContextAsync(bypassCsp: false);
        var audited = await app.NewContextAsync();
        var page = await strict.NewPageAsync();
        var auditPage = await audited.NewPageAsync();
        var visitor = new Visitor(strict, page, audited, auditPage);
        page.Console += (_, message) => { if (message.Type == "error") visitor.ConsoleErrors.Add($"{page.Url}: {message.Text}"); };
        if (person is not null)
        {
            foreach (var p in new[] { page, auditPage })
            {
                await p.GotoAsync("/Account/SignIn");
                await Flows.SignInAsync(p, person);
            }
        }
        return visitor;
    }

    /// <summary>Opens the page the strict browser is on in the audited one too, and runs axe there.</summary>
    public async Task CheckAsync(AxeAudit audit, string heading)
    {
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = heading, Level = 1 })).ToBeVisibleAsync();
        await auditPage.GotoAsync(Page.Url);
        await Expect(auditPage.GetByRole(AriaRole.Heading, new() { Name = heading, Level = 1 })).ToBeVisibleAsync();
        await audit.CheckAsync(auditPage);
    }

    public async ValueTask DisposeAsync()
    {
        await strict.DisposeAsync();
        await audited.DisposeAsync();
    }
}
