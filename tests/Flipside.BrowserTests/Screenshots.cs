using Microsoft.Playwright;

namespace Flipside.BrowserTests;

/// <summary>Pictures for the docs, refreshed on request (FLIPSIDE_SCREENSHOTS=1) so ordinary runs leave the repository alone.</summary>
public static class Screenshots
{
    public static async Task SaveAsync(IPage page, string fileName)
    {
        if (Environment.GetEnvironmentVariable("FLIPSIDE_SCREENSHOTS") != "1") return;
        var folder = Path.Combine(RepositoryRoot(), "docs", "screenshots");
        Directory.CreateDirectory(folder);
        await page.ScreenshotAsync(new() { Path = Path.Combine(folder, fileName) });
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Flipside.slnx"))) return dir.FullName;
        throw new InvalidOperationException($"No Flipside.slnx above {AppContext.BaseDirectory}.");
    }
}
