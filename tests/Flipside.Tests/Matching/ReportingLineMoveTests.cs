using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Flipside.Domain;
using Flipside.Features.Matching;
using Flipside.Features.Pairings;
using Flipside.Tests.People;
using Flipside.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Flipside.Tests.Matching;

/// <summary>A directory change that puts a running pairing inside a reporting line: flagged, told, decided.</summary>
public sealed class ReportingLineMoveTests(FlipsideFactory app) : AdministeredTests(app)
{
    private Guid _cohort;

    private string Url(string rest = "") => $"/api/v1/cohorts/{_cohort}{rest}";

    private async Task<MatchingBoard.Board> Board() => (await Admin.GetFromJsonAsync<MatchingBoard.Board>(Url("/matching"), Json.Options))!;

    /// <summary>One leader L1 and one mentor M1, paired and approved; published unless asked not to.</summary>
    private async Task<MatchingBoard.PairRow> APair(bool publish = true)
    {
        _cohort = (await Seed.AProgram(App, Given.AdminEmail, null, CohortStatus.Matching)).CohortId;
        await Enrolled.Cohort(App, _cohort, leaders: 1, mentors: 1);
        Assert.Equal(HttpStatusCode.Created, (await Admin.PostAsJsonAsync(Url("/matching/runs"), new { })).StatusCode);
        var pair = (await Board()).Pairs.Single();
        Assert.Equal(HttpStatusCode.NoContent, (await Admin.PostAsJsonAsync(Url($"/pairings/{pair.Id}/decision"), new { decision = "approve", version = pair.Version })).StatusCode);
        if (publish) Assert.Equal(HttpStatusCode.OK, (await Admin.PostAsync(Url("/matching/publish"), null)).StatusCode);
        return pair;
    }

    // The mentor M1 (grade 3, Team 1) now reports to someone, and the leader L1 heads that line.
    private static string MentorReportsTo(string manager) => PeopleFiles.Csv(PeopleFiles.Row("M1", manager: manager, department: "Team 1", name: "Person M1"));

    private Task<int> LineEmails() => App.Query(db => db.Outbox.CountAsync(m => m.Kind == ReportingLineMoves.EmailKind && m.To == Given.AdminEmail));

    private static async Task<string> Detail(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("detail").GetString()!;

    [Fact]
    public async Task Import_MakingTheLeaderTheMentorsManager_FlagsThePairingEmailsTheManagerOnceAndShowsANotice()
    {
        var pair = await APair();

        await Admin.Applied(MentorReportsTo("L1"));

        var flagged = Assert.Single((await Board()).InsideReportingLines);
        Assert.Equal(pair.Id, flagged.Id);
        Assert.Equal("Person L1 is now Person M1's manager", flagged.Line);
        Assert.Equal(1, await LineEmails());
        var email = await App.Query(db => db.Outbox.SingleAsync(m => m.Kind == ReportingLineMoves.EmailKind));
        Assert.Contains("Person L1 is now Person M1's manager", email.TextBody);
        foreach (var page in new[] { $"/Enrollment/Roster?cohortId={_cohort}", $"/Matching/Board?cohortId={_cohort}" })
        {
            var html = await (await Admin.GetAsync(page)).Html();
            Assert.Contains("1 pairing now inside a reporting line", html);
            Assert.Contains("Person L1 is now Person M1's manager", html);
        }

        await Admin.Applied(MentorReportsTo("L1"));
        Assert.Equal(1, await LineEmails());
    }

    [Fact]
    public async Task Import_PlacingTheLeaderTwoLevelsAboveTheMentor_IsFlaggedToo()
    {
        await APair();
        await Seed.People(App, Seed.APerson("X1", 6, manager: "L1"));

        await Admin.Applied(MentorReportsTo("X1"));

        Assert.Equal("Person L1 is now 2 levels above Person M1 in the reporting line", Assert.Single((await Board()).InsideReportingLines).Line);
    }

    [Fact]
    public async Task Keep_WithAReason_RecordsWhoAndWhy_RemovesTheNotice_AndAFurtherMoveFlagsItAgain()
    {
        var pair = await APair();
        await Admin.Applied(MentorReportsTo("L1"));

        var noReason = await Admin.PostAsJsonAsync(Url($"/pairings/{pair.Id}/keep"), new { reason = "  " });
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.Single((await Board()).InsideReportingLines);

        var kept = await Admin.PostAsJsonAsync(Url($"/pairings/{pair.Id}/keep"), new { reason = "The program ends next month and both asked to finish." });

        Assert.Equal(HttpStatusCode.NoContent, kept.StatusCode);
        Assert.Empty((await Board()).InsideReportingLines);
        Assert.DoesNotContain("now inside a reporting line", await (await Admin.GetAsync($"/Enrollment/Roster?cohortId={_cohort}")).Html());
        var stored = await App.Query(db => db.Pairings.SingleAsync(p => p.Id == pair.Id));
        Assert.Equal("The program ends next month and both asked to finish.", stored.ReportingLineKeptReason);
        Assert.False(string.IsNullOrEmpty(stored.ReportingLineKeptBy));
        Assert.Equal(PairingStatus.Active, stored.Status);
        var audit = await App.Query(db => db.AuditLog.SingleAsync(a => a.Action == "pairing.kept-in-reporting-line"));
        Assert.Contains("both asked to finish", audit.Summary);
        Assert.Equal(HttpStatusCode.Conflict, (await Admin.PostAsJsonAsync(Url($"/pairings/{pair.Id}/keep"), new { reason = "again" })).StatusCode);

        await Seed.People(App, Seed.APerson("X1", 6, manager: "L1"));
        await Admin.Applied(MentorReportsTo("X1"));

        Assert.Single((await Board()).InsideReportingLines);
        Assert.Equal(2, await LineEmails());
    }

    [Fact]
    public async Task Keep_ThroughTheBoardPage_RemovesTheNotice()
    {
        var pair = await APair();
        await Admin.Applied(MentorReportsTo("L1"));
        var page = $"/Matching/Board?cohortId={_cohort}";

        var response = await Admin.Submit(page, new Dictionary<string, string> { ["pairingId"] = pair.Id.ToString(), ["reason"] = "Both asked to stay." },
            $"/Matching/Board?handler=Keep&cohortId={_cohort}");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.DoesNotContain("now inside a reporting line", await (await Admin.GetAsync(page)).Html());
    }

    [Fact]
    public async Task Import_MovingThePairOutOfTheLine_ClearsTheNotice()
    {
        await APair();
        await Admin.Applied(MentorReportsTo("L1"));

        await Admin.Applied(PeopleFiles.Csv(PeopleFiles.Row("M1", department: "Team 1", name: "Person M1")));

        Assert.Empty((await Board()).InsideReportingLines);
    }

    [Fact]
    public async Task Publish_AnApprovedPairNowInsideAReportingLine_IsRefusedNamingTheRule()
    {
        await APair(publish: false);
        await Admin.Applied(MentorReportsTo("L1"));

        var response = await Admin.PostAsync(Url("/matching/publish"), null);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var detail = await Detail(response);
        Assert.Contains("Person L1 is now Person M1's manager", detail);
        Assert.Contains("never made inside a reporting line", detail);
        Assert.Equal(PairingStatus.Approved, (await Board()).Pairs.Single().Status);
        Assert.Equal(0, await App.Query(db => db.Outbox.CountAsync(m => m.Kind == PairingEmails.IntroductionKind)));
    }

    [Fact]
    public async Task Keep_AnotherProgramsPairing_IsNotFound()
    {
        var pair = await APair();
        await Admin.Applied(MentorReportsTo("L1"));
        var other = await Given.AnAccount(App, Admin, "other.manager@example.com", Roles.ProgramManager);

        var response = await other.PostAsJsonAsync(Url($"/pairings/{pair.Id}/keep"), new { reason = "mine now" });

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Single((await Board()).InsideReportingLines);
    }

    [Fact]
    public async Task PausingAFlaggedPairing_SettlesTheNotice_AndResumingItAsksAgain()
    {
        var pair = await APair();
        await Admin.Applied(MentorReportsTo("L1"));
        Assert.Single((await Board()).InsideReportingLines);

        Assert.Equal(HttpStatusCode.NoContent, (await Admin.PostAsJsonAsync(Url($"/pairings/{pair.Id}/exit"), new { action = "pause" })).StatusCode);

        Assert.Empty((await Board()).InsideReportingLines);
        Assert.DoesNotContain("now inside a reporting line", await (await Admin.GetAsync($"/Enrollment/Roster?cohortId={_cohort}")).Html());
        Assert.Equal(HttpStatusCode.NoContent, (await Admin.PostAsJsonAsync(Url($"/pairings/{pair.Id}/exit"), new { action = "resume" })).StatusCode);
        Assert.Single((await Board()).InsideReportingLines);
    }

    [Fact]
    public async Task UndoingAnImportWhoseLeaverEndedAPairing_IsRefusedNamingThem()
    {
        var pair = await APair();
        await Admin.Applied(PeopleFiles.Csv(PeopleFiles.Row("M1", department: "Team 1", name: "Person M1", status: "left")));
        Assert.Equal(PairingStatus.Ended, (await Board()).Pairs.Single(p => p.Id == pair.Id).Status);
        var importId = await App.Query(db => db.Set<Flipside.Features.People.ImportRun>().OrderByDescending(r => r.Number).Select(r => r.Id).FirstAsync());

        var undo = await Admin.PostAsync($"/api/v1/people/imports/{importId}/undo", null);

        Assert.Equal(HttpStatusCode.Conflict, undo.StatusCode);
        Assert.Contains("ended or withdrew 1 pairing of M1", await Detail(undo));
        Assert.Equal(PersonStatus.Left, await App.Query(db => db.People.Where(p => p.EmployeeId == "M1").Select(p => p.Status).SingleAsync()));
    }
}

