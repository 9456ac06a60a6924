using System.Net;
using System.Net.Http.Json;
using Flipside.Domain;
using Flipside.Features.Agreements;
using Flipside.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Flipside.Tests.Agreements;

/// <summary>The agreement each pairing's two people sign: generated from the program, edited by the pair, signed again after a change.</summary>
public sealed class AgreementTests(FlipsideFactory app) : AdministeredTests(app)
{
    private const string PrivateWords = "We never discuss the reorganisation of Team 7";

    private static string Url(Guid pairingId, string rest = "") => $"/api/v1/pairings/{pairingId}/agreement{rest}";

    private static async Task<ViewAgreement.View> Read(HttpClient client, Guid pairingId) =>
        (await client.GetFromJsonAsync<ViewAgreement.View>(Url(pairingId), Json.Options))!;

    private static async Task Acknowledge(HttpClient client, Guid programId) =>
        Assert.Equal(HttpStatusCode.NoContent, (await client.PostAsJsonAsync($"/api/v1/programs/{programId}/guidelines/acknowledgement", new { textVersion = 1 })).StatusCode);

    private async Task<(Paired.Published Cohort, HttpClient Mentor, HttpClient Leader)> APair(int pairs = 1)
    {
        var cohort = await Paired.Cohort(App, Admin, pairs);
        var mentor = await Paired.As(App, Admin, cohort.Pairs[0].Mentor);
        var leader = await Paired.As(App, Admin, cohort.Pairs[0].Leader);
        await Acknowledge(mentor, cohort.ProgramId);
        await Acknowledge(leader, cohort.ProgramId);
        return (cohort, mentor, leader);
    }

    [Fact]
    public async Task Generated_FromTheProgram_NamesCadenceAndTheStyleGapWithABridge()
    {
        var cohort = await Paired.Cohort(App, Admin, 1, p => { p.CadenceWeeks = 2; p.MinutesPerMeeting = 45; p.DurationMonths = 9; });
        var pair = cohort.Pairs[0];
        await App.Query(async db =>
        {
            var profiles = await db.Profiles.Where(p => db.Enrollments.Any(e => e.Id == p.EnrollmentId && e.CohortId == cohort.CohortId)).Include(p => p.Topics).ToListAsync();
            var mentorEnrollment = await db.Enrollments.Where(e => e.PersonId == pair.Mentor.Id).Select(e => e.Id).SingleAsync();
            foreach (var p in profiles)
                (p.CommunicationStyle, p.MeetingMode) = p.EnrollmentId == mentorEnrollment ? (1, MeetingMode.Video) : (5, MeetingMode.InPerson);
            return await db.SaveChangesAsync();
        });
        var leader = await Paired.As(App, Admin, pair.Leader);

        var view = await Read(leader, pair.PairingId);
        string Text(string key) => view.Sections.Single(s => s.Key == key).Text;

        Assert.Equal(1, view.Revision);
        Assert.Contains("45 minutes every two weeks", Text(AgreementDraft.Cadence));
        Assert.Contains("9 months", Text(AgreementDraft.Duration));
        Assert.Contains("45 minutes", Text(AgreementDraft.Length));
        Assert.Contains("without fault", Text(AgreementDraft.Ending));
        Assert.Contains("stays between us", Text(AgreementDraft.Confidentiality));
        Assert.Contains("not a place for complaints", Text(AgreementDraft.Topics));
        Assert.Contains("gap in style", Text(AgreementDraft.Style));
        Assert.Contains("To bridge it", Text(AgreementDraft.Style));
        Assert.Contains("one of us prefers to meet in person and the other by video", Text(AgreementDraft.Style), StringComparison.OrdinalIgnoreCase);
        Assert.All(view.Sections.Where(s => s.Key is AgreementDraft.Goals or AgreementDraft.Boundaries), s => Assert.True(s.Private && s.PairEditable));
    }

    [Fact]
    public async Task BothSign_SignedByBothIsRecorded_AndTheManagerSeesWhenButNoContent()
    {
        var (cohort, mentor, leader) = await APair();
        var id = cohort.Pairs[0].PairingId;
        await mentor.PutAsJsonAsync(Url(id), new { revision = 1, sections = new Dictionary<string, string> { [AgreementDraft.Boundaries] = PrivateWords } });

        var first = await mentor.PostAsJsonAsync(Url(id, "/sign"), new { revision = 2 });
        var second = await leader.PostAsJsonAsync(Url(id, "/sign"), new { revision = 2 });
        var view = await Read(leader, id);
        var summary = await Admin.GetAsync($"/api/v1/cohorts/{cohort.CohortId}/agreements");
        var rows = (await summary.Content.ReadFromJsonAsync<List<AgreementStatus.Row>>(Json.Options))!;

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.NotNull(view.SignedByBothAt);
        Assert.True(view.Signatures.All(s => s.SignedAt is not null));
        var row = Assert.Single(rows);
        Assert.Equal(view.SignedByBothAt, row.SignedByBothAt);
        Assert.True(row.MentorAcknowledgedGuidelines && row.MenteeAcknowledgedGuidelines);
        Assert.DoesNotContain("reorganisation", await summary.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignedTwice_BySamePerson_Is409SayingSo()
    {
        var (cohort, mentor, _) = await APair();
        var id = cohort.Pairs[0].PairingId;
        await Read(mentor, id);

        await mentor.PostAsJsonAsync(Url(id, "/sign"), new { revision = 1 });
        var again = await mentor.PostAsJsonAsync(Url(id, "/sign"), new { revision = 1 });

        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal("You already signed version 1 of this agreement.", await Paired.Detail(again));
    }

    [Fact]
    public async Task Signed_BySomeoneOutsideThePair_Is404_AndTheirSignatureIsNotRecorded()
    {
        var (cohort, mentor, _) = await APair(pairs: 2);
        var other = await Paired.As(App, Admin, cohort.Pairs[1].Mentor);
        await Acknowledge(other, cohort.ProgramId);
        var id = cohort.Pairs[0].PairingId;
        await Read(mentor, id);

        var outsider = await other.PostAsJsonAsync(Url(id, "/sign"), new { revision = 1 });
        var manager = await Admin.PostAsJsonAsync(Url(id, "/sign"), new { revision = 1 });

        Assert.Equal(HttpStatusCode.NotFound, outsider.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, manager.StatusCode);
        Assert.True((await Read(mentor, id)).Signatures.All(s => s.SignedAt is null));
    }

    [Fact]
    public async Task Signing_AVersionNoLongerCurrent_Is409SayingItChanged()
    {
        var (cohort, mentor, leader) = await APair();
        var id = cohort.Pairs[0].PairingId;
        var opened = await Read(leader, id);
        await mentor.PutAsJsonAsync(Url(id), new { revision = 1, sections = new Dictionary<string, string> { [AgreementDraft.Channels] = "Chat on Teams." } });

        var stale = await leader.PostAsJsonAsync(Url(id, "/sign"), new { revision = opened.Revision });

        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Contains("has changed since version 1: it is now version 2", await Paired.Detail(stale));
    }

    [Fact]
    public async Task Signing_BeforeAcknowledgingTheGuidelines_Is409()
    {
        var cohort = await Paired.Cohort(App, Admin, 1);
        var mentor = await Paired.As(App, Admin, cohort.Pairs[0].Mentor);

        var response = await mentor.PostAsJsonAsync(Url(cohort.Pairs[0].PairingId, "/sign"), new { revision = 1 });

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("acknowledge the program's communication guidelines", await Paired.Detail(response));
    }

    [Fact]
    public async Task AChange_ClearsBothSignatures_ShowsWhatChanged_AndKeepsTheSignedVersion()
    {
        var (cohort, mentor, leader) = await APair();
        var id = cohort.Pairs[0].PairingId;
        await Read(mentor, id);
        await mentor.PostAsJsonAsync(Url(id, "/sign"), new { revision = 1 });
        await leader.PostAsJsonAsync(Url(id, "/sign"), new { revision = 1 });

        var edit = await mentor.PutAsJsonAsync(Url(id), new { revision = 1, sections = new Dictionary<string, string> { [AgreementDraft.Boundaries] = PrivateWords } });
        var view = await Read(leader, id);
        var versions = (await leader.GetFromJsonAsync<List<AgreementVersions.Row>>(Url(id, "/versions"), Json.Options))!;
        var diff = (await leader.GetFromJsonAsync<AgreementVersions.Diff>(Url(id, "/diff"), Json.Options))!;
        var signedText = (await leader.GetFromJsonAsync<AgreementVersions.One>(Url(id, "/versions/1"), Json.Options))!;
        var email = await App.Query(db => db.Outbox.Where(m => m.Kind == AgreementEmails.ChangedKind).ToListAsync());

        Assert.Equal(HttpStatusCode.OK, edit.StatusCode);
        Assert.Equal(2, view.Revision);
        Assert.Null(view.SignedByBothAt);
        Assert.True(view.Signatures.All(s => s.SignedAt is null));
        Assert.Equal(1, view.MyLastSignedRevision);
        var change = Assert.Single(view.ChangedSinceISigned);
        Assert.Equal((AgreementDraft.Boundaries, SectionChangeKind.Changed, PrivateWords), (change.Key, change.Kind, change.After));
        Assert.Equal([2, 1], versions.Select(v => v.Revision));
        Assert.True(versions[1].MentorSignedAt is not null && versions[1].MenteeSignedAt is not null);
        Assert.Equal((1, 2), (diff.From, diff.To));
        Assert.Single(diff.Changes);
        Assert.DoesNotContain(signedText.Sections, s => s.Text == PrivateWords);
        var sent = Assert.Single(email);
        Assert.Equal(cohort.Pairs[0].Leader.Email, sent.To);
        Assert.DoesNotContain("reorganisation", sent.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Editing_WithOversizeText_OrAFixedSection_OrAnOldVersion_IsRefused()
    {
        var (cohort, mentor, _) = await APair();
        var id = cohort.Pairs[0].PairingId;
        await Read(mentor, id);

        var oversize = await mentor.PutAsJsonAsync(Url(id), new { revision = 1, sections = new Dictionary<string, string> { [AgreementDraft.Boundaries] = new string('x', Agreement.SectionMaxLength + 1) } });
        var fixedSection = await mentor.PutAsJsonAsync(Url(id), new { revision = 1, sections = new Dictionary<string, string> { [AgreementDraft.Confidentiality] = "Anything goes." } });
        await mentor.PutAsJsonAsync(Url(id), new { revision = 1, sections = new Dictionary<string, string> { [AgreementDraft.Rhythm] = "Tuesdays." } });
        var old = await mentor.PutAsJsonAsync(Url(id), new { revision = 1, sections = new Dictionary<string, string> { [AgreementDraft.Rhythm] = "Fridays." } });

        Assert.Equal(HttpStatusCode.BadRequest, oversize.StatusCode);
        var body = await oversize.Content.ReadAsStringAsync();
        Assert.Contains("sections.boundaries", body);
        Assert.Contains($"{Agreement.SectionMaxLength} characters", body);
        Assert.Equal(HttpStatusCode.BadRequest, fixedSection.StatusCode);
        Assert.Contains("not a section the pair can edit", await fixedSection.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Conflict, old.StatusCode);
        Assert.Equal(2, (await Read(mentor, id)).Revision);
    }

    [Fact]
    public async Task PrivateContent_IsNotFound_ForManagerAdministratorAndSponsor()
    {
        var (cohort, mentor, _) = await APair();
        var id = cohort.Pairs[0].PairingId;
        await mentor.PutAsJsonAsync(Url(id), new { revision = 1, sections = new Dictionary<string, string> { [AgreementDraft.Boundaries] = PrivateWords } });
        var manager = await Given.AnAccount(App, Admin, "pm@example.com", Roles.ProgramManager);
        await Admin.PostAsJsonAsync($"/api/v1/programs/{cohort.ProgramId}/managers", new { email = "pm@example.com" });
        var sponsor = await Given.AnAccount(App, Admin, "sponsor@example.com", Roles.Sponsor);
        Assert.Equal(HttpStatusCode.NoContent, (await Admin.PostAsJsonAsync($"/api/v1/programs/{cohort.ProgramId}/sponsors", new { email = "sponsor@example.com" })).StatusCode);

        foreach (var client in new[] { Admin, manager, sponsor })
            foreach (var path in new[] { Url(id), Url(id, "/versions"), Url(id, "/versions/2"), Url(id, "/diff?from=1&to=2") })
                Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(path)).StatusCode);
        var summary = await manager.GetAsync($"/api/v1/cohorts/{cohort.CohortId}/agreements");
        Assert.Equal(HttpStatusCode.OK, summary.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await sponsor.GetAsync($"/api/v1/cohorts/{cohort.CohortId}/agreements")).StatusCode);
        Assert.DoesNotContain("reorganisation", await summary.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var audit = await App.Query(db => db.AuditLog.Select(a => a.Summary).ToListAsync());
        Assert.DoesNotContain(audit, s => s.Contains("reorganisation", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Unsigned_ListsPairsStillUnsignedAWeekAfterPublishing_UntilBothSign()
    {
        var (cohort, mentor, leader) = await APair();
        var id = cohort.Pairs[0].PairingId;
        // A week on, asked as the nudge job would ask it; the clock stays put so that the sign-ins stay valid.
        var weekOn = App.Clock.GetUtcNow() + AgreementStatus.Grace + TimeSpan.FromHours(1);
        var early = await App.Query(db => AgreementStatus.UnsignedAt(db, App.Clock.GetUtcNow(), default));
        var due = await App.Query(db => AgreementStatus.UnsignedAt(db, weekOn, default));
        await Read(mentor, id);
        await mentor.PostAsJsonAsync(Url(id, "/sign"), new { revision = 1 });
        var half = await App.Query(db => AgreementStatus.UnsignedAt(db, weekOn, default));
        await leader.PostAsJsonAsync(Url(id, "/sign"), new { revision = 1 });
        var done = await App.Query(db => AgreementStatus.UnsignedAt(db, weekOn, default));

        Assert.Empty(early);
        Assert.Equal(id, Assert.Single(due).PairingId);
        Assert.Equal((true, false), (Assert.Single(half).MentorSigned, half[0].MenteeSigned));
        Assert.Empty(done);
    }
}
