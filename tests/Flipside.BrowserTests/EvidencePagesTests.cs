using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Flipside.BrowserTests;

/// <summary>
/// The pages of issue 12 on the demo, found as each person reaches them, including those the evidence journey does not
/// pass through: a pilot mentor's surveys, pulse, kudos, certificate, story and insights; the pilot's manager's survey
/// results, instrument, program health with its drill-down, impact report and insights; the sponsor's pages. Under the
/// app's real Content-Security-Policy no page logs an error, and axe-core finds nothing serious.
/// </summary>
public sealed class EvidencePagesTests(DemoFlipside app) : IClassFixture<DemoFlipside>
{
    private static readonly Person Sponsor = new("Sam Sponsor", "sponsor@flipside.demo", DemoFlipside.Password);
    private static readonly Person Admin = new("Alex Admin", "admin@flipside.demo", DemoFlipside.Password);
    private const string Program = "Digital fluency for leaders";

    private static async Task<string> Href(ILocator link)
    {
        await Expect(link).ToBeVisibleAsync();
        return (await link.GetAttributeAsync("href"))!;
    }

    /// <summary>The mentor's pages, read from the links on their pairing card, their surveys and a logged meeting.</summary>
    private static async Task<IReadOnlyList<string>> OfMentorAsync(IPage page)
    {
        await page.GotoAsync("/Enrollment/Mine");
        var kudos = await Href(page.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("^Kudos and milestones") }).First);
        var insights = await Href(page.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("^Insights for leadership") }).First);
        var pairingId = kudos[(kudos.IndexOf('=') + 1)..];
        await page.GotoAsync(kudos);
        var showcase = await Href(page.GetByRole(AriaRole.Link, new() { Name = "The program's showcase" }));
        await page.GotoAsync("/Surveys");
        var surveys = page.Locator("a[href^='/Surveys/Answer?surveyId=']");
        await Expect(surveys.First).ToBeVisibleAsync();
        var answers = new List<string>();
        foreach (var a in await surveys.AllAsync()) answers.Add((await a.GetAttributeAsync("href"))!);
        await page.GotoAsync("/Enrollment/Mine");
        await page.GotoAsync(await Href(page.Locator("a[href^='/Sessions/Meetings?pairingId=']").First));
        await page.GotoAsync(await Href(page.Locator("a[href^='/Sessions/Log?meetingId=']").First));
        var pulse = await Href(page.GetByRole(AriaRole.Link, new() { Name = "Give your two-question pulse on this meeting" }));
        return ["/Surveys", .. answers, pulse, kudos, $"/Celebration/Certificate?pairingId={pairingId}", insights, showcase];
    }

    /// <summary>The pilot's pages for its manager, from the program page and the pilot's surveys.</summary>
    private static async Task<IReadOnlyList<string>> OfManagerAsync(IPage page)
    {
        await page.GotoAsync("/Programs");
        await page.GetByRole(AriaRole.Link, new() { Name = Program }).First.ClickAsync();
        async Task<string> Link(string name) => await Href(page.GetByRole(AriaRole.Link, new() { Name = name, Exact = true }).First);
        var program = page.Url;
        var found = new List<string> { await Link("Showcase"), await Link("Insights"), await Link("Sponsors' view"), await Link("Impact report"), await Link("Program health") };
        var surveys = await Href(page.GetByRole(AriaRole.Link, new() { Name = "Surveys and flags of Pilot" }));
        var health = await Href(page.GetByRole(AriaRole.Link, new() { Name = "Health of Pilot" }));
        await page.GotoAsync(surveys);
        found.Add(surveys);
        found.Add(await Href(page.GetByRole(AriaRole.Link, new() { Name = "Edit the program's questions" })));
        foreach (var r in await page.Locator("a[href^='/Surveys/Results?surveyId=']").AllAsync()) found.Add((await r.GetAttributeAsync("href"))!);
        await page.GotoAsync(health);
        found.Add(health);
        found.Add(await Href(page.Locator("a[href^='/Health/Pair?id=']").First));
        await page.GotoAsync(program);
        return found;
    }

    /// <summary>The sponsor's overview, their program's page and every report it links to.</summary>
    private static async Task<IReadOnlyList<string>> OfSponsorAsync(IPage page)
    {
        await page.GotoAsync("/");
        await page.GetByRole(AriaRole.Link, new() { Name = "Your programs in figures" }).ClickAsync();
        var overview = await Href(page.GetByRole(AriaRole.Link, new() { Name = Program }).First);
        await page.GotoAsync(overview);
        var reports = page.GetByRole(AriaRole.Navigation, new() { Name = $"Reports of {Program}" }).GetByRole(AriaRole.Link);
        await Expect(reports).ToHaveCountAsync(4);
        var found = new List<string> { "/Sponsors", overview };
        foreach (var r in await reports.AllAsync()) found.Add((await r.GetAttributeAsync("href"))!);
        return found;
    }

    [Fact]
    public async Task TheEvidencePages_LogNoErrorUnderTheRealPolicy_AndPassAxe()
    {
        var audit = new AxeAudit();
        var errors = new List<string>();
        foreach (var (person, find) in new (Person, Func<IPage, Task<IReadOnlyList<string>>>)[]
                 { (RelationshipPages.Mentor, OfMentorAsync), (RelationshipPages.Manager, OfManagerAsync), (Sponsor, OfSponsorAsync) })
        {
            await using var visitor = await Visitor.Of(app, person);
            foreach (var path in await find(visitor.Page))
            {
                visitor.ConsoleErrors.Clear();
                var response = await visitor.Page.GotoAsync(path);
                // A pair's certificate before the program ends answers 409 with a page saying when it will be there.
                var expected = path.StartsWith("/Celebration/Certificate", StringComparison.Ordinal) ? 409 : 200;
                Assert.True(response!.Status == expected, $"{person.Email} opened {path}: HTTP {response.Status}.");
                await visitor.CheckAsync(audit, (await visitor.Page.GetByRole(AriaRole.Heading, new() { Level = 1 }).TextContentAsync())!.Trim());
                // The browser logs the expected 409 of the certificate's "not yet" page as a failed load.
                errors.AddRange(visitor.ConsoleErrors.Where(e => expected == 200 || !e.Contains("status of 409", StringComparison.Ordinal)));
            }
        }

        Assert.True(errors.Count == 0, "Console errors under the real Content-Security-Policy:\n" + string.Join("\n", errors));
        string[] visited = ["/Surveys", "/Surveys/Answer", "/Surveys/Pulse", "/Celebration/Pairing", "/Celebration/Certificate", "/Insights/Pairing",
            "/Celebration/Showcase", "/Insights/Program", "/Sponsors/Program", "/Impact/Report", "/Health/Program", "/Surveys/Cohort", "/Surveys/Instrument",
            "/Surveys/Results", "/Health/Cohort", "/Health/Pair", "/Sponsors"];
        Assert.Empty(visited.Except(audit.Pages));
        audit.AssertClean();
    }

    /// <summary>Every person enrolled in any of the demo's cohorts, by name, as the administrator reads them through the API.</summary>
    private static async Task<IReadOnlyList<string>> ParticipantNamesAsync(IPage admin)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        var programs = JsonDocument.Parse(await (await Flows.OkAsync(admin.APIRequest.GetAsync("/api/v1/programs"))).TextAsync()).RootElement;
        foreach (var cohort in programs.EnumerateArray().SelectMany(p => p.GetProperty("cohorts").EnumerateArray()))
        {
            var roster = JsonDocument.Parse(await (await Flows.OkAsync(admin.APIRequest.GetAsync($"/api/v1/cohorts/{cohort.GetProperty("id").GetString()}/enrollments"))).TextAsync());
            foreach (var row in roster.RootElement.GetProperty("enrollments").EnumerateArray()) names.Add(row.GetProperty("name").GetString()!);
        }
        return [.. names];
    }

    [Fact]
    public async Task TheSponsorsHealthShowcaseAndInsights_NameNoParticipant_AndPassAxe()
    {
        await using var admin = await Visitor.Of(app, Admin);
        var participants = await ParticipantNamesAsync(admin.Page);
        Assert.True(participants.Count > 20, $"the demo's participants, read as the administrator: {participants.Count}");

        var audit = new AxeAudit();
        await using var sponsor = await Visitor.Of(app, Sponsor);
        var pages = (await OfSponsorAsync(sponsor.Page)).ToList();
        // The health page's cohorts are the sponsor's too.
        await sponsor.Page.GotoAsync(pages.Single(p => p.StartsWith("/Health/Program", StringComparison.Ordinal)));
        foreach (var cohort in await sponsor.Page.Locator("a[href^='/Health/Cohort?']").AllAsync()) pages.Add((await cohort.GetAttributeAsync("href"))!);
        string[] shown = ["/Health/Program", "/Health/Cohort", "/Celebration/Showcase", "/Insights/Program"];
        foreach (var path in pages)
        {
            var response = await sponsor.Page.GotoAsync(path);
            Assert.True(response!.Status == 200, $"the sponsor opened {path}: HTTP {response.Status}.");
            await sponsor.CheckAsync(audit, (await sponsor.Page.GetByRole(AriaRole.Heading, new() { Level = 1 }).TextContentAsync())!.Trim());
            var text = await sponsor.Page.ContentAsync();
            var named = participants.Where(name => text.Contains(name, StringComparison.OrdinalIgnoreCase)).ToList();
            Assert.True(named.Count == 0, $"{path} names participants to the sponsor: {string.Join(", ", named)}");
        }
        Assert.Empty(shown.Except(audit.Pages));
        audit.AssertClean();
    }
}
