using System.Net;
using System.Net.Http.Json;
using Flipside.Domain;
using Flipside.Features.Celebration;
using Flipside.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Flipside.Tests.Celebration;

/// <summary>
/// Success stories: written by the pair, shown on the program's showcase only while both partners consent and after
/// the manager's approval; withdrawn at any time; sent back with a sentence that reaches the pair.
/// </summary>
public sealed class StoryTests(FlipsideFactory app) : AdministeredTests(app)
{
    private static string Action(PairStory.Item story, string action) => $"/api/v1/stories/{story.Id}/{action}";

    [Fact]
    public async Task Consent_MustNameTheVersionReadOrIs400()
    {
        var pairs = await Celebrating.Pairs(App, Admin);
        var draft = await Celebrating.Written(pairs.Mentor, pairs.First);

        var response = await pairs.Mentor.PostAsJsonAsync($"/api/v1/stories/{draft.Id}/consent", new { named = true });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("version", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(StoryStatus.Draft, (await Celebrating.Consent(pairs.Mentor, draft)).Status);
    }

    [Fact]
    public async Task AStory_ReachesTheShowcase_OnlyAfterBothConsentAndTheManagerApproves_AndLeavesItWhenWithdrawn()
    {
        var pairs = await Celebrating.Pairs(App, Admin);
        var draft = await Celebrating.Written(pairs.Mentor, pairs.First);
        var mentorAgreed = await Celebrating.Consent(pairs.Mentor, draft, named: true);
        Assert.Equal(StoryStatus.Draft, mentorAgreed.Status);

        // The leader's edit takes back the mentor's consent: it was given to the words before the change.
        var edited = await Celebrating.Story(await pairs.Mentee.PutAsJsonAsync($"/api/v1/stories/{draft.Id}",
            new { title = "From fear of AI to a team pilot", text = "We met monthly; I now run my own prompts.", focusAreas = new[] { Celebrating.Ai }, version = mentorAgreed.Version }));
        Assert.False(edited.PartnerConsented);
        var stale = await pairs.Mentor.PostAsJsonAsync(Action(draft, "consent"), new { named = true, version = mentorAgreed.Version });
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        var menteeAgreed = await Celebrating.Consent(pairs.Mentee, edited, named: true);
        Assert.Equal(StoryStatus.Draft, menteeAgreed.Status);
        Assert.Empty((await Celebrating.ShowcaseOf(pairs.Manager, pairs.ProgramId)).AwaitingApproval!);
        var bothAgreed = await Celebrating.Consent(pairs.Mentor, menteeAgreed, named: true);
        Assert.Equal(StoryStatus.AwaitingApproval, bothAgreed.Status);
        Assert.Empty((await Celebrating.ShowcaseOf(pairs.OtherMentee, pairs.ProgramId)).Stories);
        Assert.Single((await Celebrating.ShowcaseOf(pairs.Manager, pairs.ProgramId)).AwaitingApproval!);

        Assert.Equal(HttpStatusCode.OK, (await pairs.Manager.PostAsync(Action(draft, "approve"), null)).StatusCode);

        foreach (var reader in new[] { pairs.Manager, pairs.OtherMentee, Admin })
        {
            var shown = Assert.Single((await Celebrating.ShowcaseOf(reader, pairs.ProgramId)).Stories);
            Assert.Equal("We met monthly; I now run my own prompts.", shown.Text);
            Assert.Contains(" and ", shown.Byline, StringComparison.Ordinal); // both chose to be named
            Assert.DoesNotContain("A pair in", shown.Byline, StringComparison.Ordinal);
        }
        // A sponsor reads the story but never a pair's name, whatever the pair chose for their colleagues.
        var forSponsor = Assert.Single((await Celebrating.ShowcaseOf(pairs.Sponsor, pairs.ProgramId)).Stories);
        Assert.Equal("We met monthly; I now run my own prompts.", forSponsor.Text);
        Assert.StartsWith("A pair in", forSponsor.Byline, StringComparison.Ordinal);
        var page = await (await pairs.Sponsor.GetAsync($"/Celebration/Showcase?programId={pairs.ProgramId}")).Html();
        Assert.Contains("We met monthly; I now run my own prompts.", page, StringComparison.Ordinal);
        Assert.Equal(2, await App.Query(db => db.Outbox.CountAsync(m => m.Kind == CelebrationEmails.StoryKind && m.Subject == "Your story is on the showcase")));

        Assert.Equal(HttpStatusCode.OK, (await pairs.Mentee.PostAsync(Action(draft, "withdraw"), null)).StatusCode);

        foreach (var reader in new[] { pairs.Manager, pairs.Sponsor, pairs.OtherMentee })
        {
            Assert.Empty((await Celebrating.ShowcaseOf(reader, pairs.ProgramId)).Stories);
            var after = await (await reader.GetAsync($"/Celebration/Showcase?programId={pairs.ProgramId}")).Html();
            Assert.DoesNotContain("We met monthly", after, StringComparison.Ordinal);
        }
        // Consent again: the manager approves again before it is shown.
        var again = (await pairs.Mentee.GetFromJsonAsync<List<PairStory.Item>>(Celebrating.Stories(pairs.First), Json.Options))!.Single();
        Assert.Equal(StoryStatus.AwaitingApproval, (await Celebrating.Consent(pairs.Mentee, again, named: true)).Status);
        Assert.Empty((await Celebrating.ShowcaseOf(pairs.Sponsor, pairs.ProgramId)).Stories);
    }

    [Fact]
    public async Task OnlyWhenBothChoseToBeNamed_DoesTheShowcaseNameThePair()
    {
        var pairs = await Celebrating.Pairs(App, Admin);
        var story = await Celebrating.Written(pairs.Mentor, pairs.First);
        story = await Celebrating.Consent(pairs.Mentor, story, named: true);
        await Celebrating.Consent(pairs.Mentee, story, named: false);
        Assert.Equal(HttpStatusCode.OK, (await Admin.PostAsync(Action(story, "approve"), null)).StatusCode);

        var shown = Assert.Single((await Celebrating.ShowcaseOf(pairs.OtherMentee, pairs.ProgramId)).Stories);

        Assert.Equal("A pair in Pilot", shown.Byline);
    }

    [Fact]
    public async Task AStoryAgreedByOnePartnerAlone_CannotBeApproved()
    {
        var pairs = await Celebrating.Pairs(App, Admin);
        var story = await Celebrating.Consent(pairs.Mentor, await Celebrating.Written(pairs.Mentor, pairs.First), named: true);

        var response = await pairs.Manager.PostAsync(Action(story, "approve"), null);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("both partners have agreed", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Empty((await Celebrating.ShowcaseOf(pairs.Manager, pairs.ProgramId)).Stories);
        Assert.Null(await App.Query(db => db.SuccessStories.Select(s => s.ApprovedAt).SingleAsync()));
    }

    [Fact]
    public async Task Approval_ByAParticipantIs403_AndByAManagerOfAnotherProgram404()
    {
        var pairs = await Celebrating.Pairs(App, Admin);
        var story = await Celebrating.Written(pairs.Mentor, pairs.First);
        story = await Celebrating.Consent(pairs.Mentor, story);
        await Celebrating.Consent(pairs.Mentee, story);
        var otherManager = await Given.AnAccount(App, Admin, "oscar@example.com", Roles.ProgramManager);
        var (otherProgram, _) = await Seed.AProgram(App, "oscar@example.com");

        foreach (var action in new[] { "approve", "reject" })
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await pairs.Mentor.PostAsJsonAsync(Action(story, action), new { reason = "No" })).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await pairs.OtherMentee.PostAsJsonAsync(Action(story, action), new { reason = "No" })).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await otherManager.PostAsJsonAsync(Action(story, action), new { reason = "No" })).StatusCode);
        }
        Assert.Equal(HttpStatusCode.NotFound, (await otherManager.GetAsync($"/api/v1/programs/{pairs.ProgramId}/showcase")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await pairs.Mentor.GetAsync($"/api/v1/programs/{otherProgram}/showcase")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await pairs.Sponsor.GetAsync($"/Celebration/Showcase?programId={otherProgram}")).StatusCode);
        Assert.Equal(StoryStatus.AwaitingApproval, (await pairs.Mentor.GetFromJsonAsync<List<PairStory.Item>>(Celebrating.Stories(pairs.First), Json.Options))!.Single().Status);
    }

    [Fact]
    public async Task ASentBackStory_CarriesTheManagersSentenceToThePair_AndNeedsBothConsentsAgain()
    {
        var pairs = await Celebrating.Pairs(App, Admin);
        var story = await Celebrating.Consent(pairs.Mentor, await Celebrating.Written(pairs.Mentor, pairs.First));
        await Celebrating.Consent(pairs.Mentee, story);
        const string Why = "Please leave out the name of the client you mention.";

        Assert.Equal(HttpStatusCode.BadRequest, (await pairs.Manager.PostAsJsonAsync(Action(story, "reject"), new { reason = " " })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await pairs.Manager.PostAsJsonAsync(Action(story, "reject"), new { reason = Why })).StatusCode);

        var seen = (await pairs.Mentee.GetFromJsonAsync<List<PairStory.Item>>(Celebrating.Stories(pairs.First), Json.Options))!.Single();
        Assert.Equal((StoryStatus.Draft, Why, false, false), (seen.Status, seen.RejectionReason, seen.IConsented, seen.PartnerConsented));
        var mails = await App.Query(db => db.Outbox.Where(m => m.Kind == CelebrationEmails.StoryKind && m.Subject == "Your story needs a change").ToListAsync());
        Assert.Equal(2, mails.Count);
        Assert.All(mails, m => Assert.Contains(Why, m.TextBody, StringComparison.Ordinal));
        Assert.Contains(Why, await (await pairs.Mentor.GetAsync($"/Celebration/Pairing?pairingId={pairs.First}")).Html(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Conflict, (await pairs.Manager.PostAsync(Action(story, "approve"), null)).StatusCode);
    }

    [Fact]
    public async Task EmptyOrTooLongStories_Are400_NamingEachField_AndOutsidersFindNoStory()
    {
        var pairs = await Celebrating.Pairs(App, Admin);

        var empty = await pairs.Mentor.PostAsJsonAsync(Celebrating.Stories(pairs.First), new { title = "", text = " " });
        var tooLong = await pairs.Mentor.PostAsJsonAsync(Celebrating.Stories(pairs.First),
            new { title = new string('t', SuccessStory.TitleMaxLength + 1), text = new string('x', SuccessStory.TextMaxLength + 1), focusAreas = new[] { "Astrology" } });

        foreach (var (response, fields) in new[] { (empty, new[] { "title", "text" }), (tooLong, new[] { "title", "text", "focusAreas" }) })
        {
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            var problem = await response.Content.ReadFromJsonAsync<Microsoft.AspNetCore.Mvc.ValidationProblemDetails>(Json.Options);
            Assert.Equal(fields.Order(), problem!.Errors.Keys.Order());
        }
        Assert.Equal(0, await App.Query(db => db.SuccessStories.CountAsync()));

        var story = await Celebrating.Written(pairs.Mentor, pairs.First);
        var badEdit = await pairs.Mentee.PutAsJsonAsync($"/api/v1/stories/{story.Id}", new { title = "Fine", text = new string('x', SuccessStory.TextMaxLength + 1) });
        Assert.Equal(HttpStatusCode.BadRequest, badEdit.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await pairs.Mentee.PostAsJsonAsync(Celebrating.Stories(pairs.First), new { title = "Second", text = "Another" })).StatusCode);
        foreach (var outsider in new[] { pairs.OtherMentee, pairs.Manager, pairs.Sponsor })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync(Celebrating.Stories(pairs.First))).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await outsider.PostAsJsonAsync($"/api/v1/stories/{story.Id}/consent", new { named = true })).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await outsider.PutAsJsonAsync($"/api/v1/stories/{story.Id}", new { title = "x", text = "y" })).StatusCode);
        }
    }

    [Fact]
    public async Task ThePagesCarryAStory_FromDraftToShowcase()
    {
        var pairs = await Celebrating.Pairs(App, Admin);
        var page = $"/Celebration/Pairing?pairingId={pairs.First}";

        var written = await pairs.Mentor.Submit(page, new Dictionary<string, string>
        {
            ["Story.Title"] = "Two generations, one podcast", ["Story.Text"] = "We recorded six episodes.", ["Story.FocusAreas"] = Celebrating.Inclusion,
        }, page + "&handler=Write");
        Assert.Equal(HttpStatusCode.Redirect, written.StatusCode);
        var story = await App.Query(db => db.SuccessStories.SingleAsync());
        Assert.Equal([Celebrating.Inclusion], story.FocusAreas);
        foreach (var who in new[] { pairs.Mentor, pairs.Mentee })
            Assert.Equal(HttpStatusCode.Redirect, (await who.Submit(page, new Dictionary<string, string> { ["Story.Named"] = "true", ["Story.Version"] = $"{story.Version + (who == pairs.Mentee ? 1 : 0)}" },
                page + $"&handler=Consent&storyId={story.Id}")).StatusCode);
        var showcase = $"/Celebration/Showcase?programId={pairs.ProgramId}";
        Assert.Contains("Two generations, one podcast", await (await pairs.Manager.GetAsync(showcase)).Html(), StringComparison.Ordinal);
        Assert.Contains("/Celebration/Showcase?programId=", await (await pairs.Manager.GetAsync($"/Programs/Program?id={pairs.ProgramId}")).Html(), StringComparison.Ordinal);
        Assert.Contains(showcase, await (await pairs.Sponsor.GetAsync("/")).Html(), StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.Redirect, (await pairs.Manager.Submit(showcase, new Dictionary<string, string>(), showcase + $"&handler=Approve&storyId={story.Id}")).StatusCode);

        Assert.Contains("Two generations, one podcast", await (await pairs.OtherMentee.GetAsync(showcase)).Html(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await pairs.Mentee.Submit(page, new Dictionary<string, string>(), page + $"&handler=Withdraw&storyId={story.Id}")).StatusCode);
        Assert.DoesNotContain("Two generations, one podcast", await (await pairs.OtherMentee.GetAsync(showcase)).Html(), StringComparison.Ordinal);
    }
}
