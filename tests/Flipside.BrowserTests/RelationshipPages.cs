using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Flipside.BrowserTests;

/// <summary>
/// The pages of issue 11 on the demo, found as each person reaches them: a pilot mentor's pairing (with its meetings
/// and a logged one) and the pilot's cohort pages for its manager.
/// </summary>
public static class RelationshipPages
{
    public static readonly Person Manager = new("Priya Programme", "manager@flipside.demo", DemoFlipside.Password);
    public static readonly Person Mentor = new("Maya Mentor", "mentor@flipside.demo", DemoFlipside.Password);

    /// <summary>The addresses a pilot mentor uses, read from the links on their pages.</summary>
    public static async Task<IReadOnlyList<string>> OfParticipantAsync(IPage page)
    {
        await page.GotoAsync("/Enrollment/Mine");
        var card = page.Locator("a[href^='/Sessions/Meetings?pairingId=']").First;
        await Expect(card).ToBeVisibleAsync();
        var meetings = (await card.GetAttributeAsync("href"))!;
        var pairingId = meetings[(meetings.IndexOf('=') + 1)..];
        await page.GotoAsync(meetings);
        // The journey logs a meeting of its own; the pilot's past meetings add their log page when the demo has some.
        var logs = page.Locator("a[href^='/Sessions/Log?meetingId=']");
        string[] log = await logs.CountAsync() > 0 ? [(await logs.First.GetAttributeAsync("href"))!] : [];
        return [meetings, .. log, "/Sessions/Calendar", $"/Agreements/Agreement?pairingId={pairingId}", $"/Goals/Pairing?pairingId={pairingId}",
            $"/Conversations/Notes?pairingId={pairingId}", $"/Conversations/Messages?pairingId={pairingId}", "/Training", "/Nudges/Settings"];
    }

    /// <summary>The pilot's cohort pages of issue 11 for its manager, and the program's training and reminders.</summary>
    public static async Task<IReadOnlyList<string>> OfManagerAsync(IPage page)
    {
        await page.GotoAsync("/Programs");
        await page.GetByRole(AriaRole.Link, new() { Name = "Digital fluency for leaders" }).First.ClickAsync();
        var training = (await page.GetByRole(AriaRole.Link, new() { Name = "Training", Exact = true }).GetAttributeAsync("href"))!;
        var reminders = (await page.GetByRole(AriaRole.Link, new() { Name = "Required reminders" }).GetAttributeAsync("href"))!;
        await page.GetByRole(AriaRole.Link, new() { Name = "Enrolment and profiles of Pilot" }).ClickAsync();
        async Task<string> Href(string name) => (await page.GetByRole(AriaRole.Link, new() { Name = name }).GetAttributeAsync("href"))!;
        return [await Href("Meetings of Pilot"), await Href("Agreements and goals of Pilot"), await Href("Training and supervision circles of Pilot"), training, reminders];
    }
}
