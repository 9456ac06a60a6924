using System.Net;
using System.Net.Http.Json;
using Flipside.Domain;
using Flipside.Features.Enrollment;
using Flipside.Features.Pairings;
using Flipside.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Flipside.Tests.Programs;

/// <summary>
/// Program managers read the emails of their own programs (to pass links on by hand when no mail server is set up) and
/// open the profiles of their programs' participants from the roster; nothing of another program is found.
/// </summary>
public sealed class ProgramOutboxTests(FlipsideFactory app) : IClassFixture<FlipsideFactory>, IAsyncLifetime
{
    private const string Unknown = "00000000-0000-0000-0000-000000000001";
    private readonly FlipsideFactory _app = app;
    private HttpClient _admin = null!;
    private HttpClient _pam = null!;
    private HttpClient _otto = null!;
    private Guid _pamsProgram, _pamsCohort, _ottosProgram, _ottosCohort;

    public async Task InitializeAsync()
    {
        await _app.ResetAsync();
        _admin = await Given.AnAdministrator(_app);
        _pam = await Given.AnAccount(_app, _admin, "pam@example.com", Roles.ProgramManager);
        _otto = await Given.AnAccount(_app, _admin, "otto@example.com", Roles.ProgramManager);
        await Seed.People(_app, Seed.APerson("L1", grade: 8), Seed.APerson("L2", grade: 8), Seed.APerson("BOSS", grade: 6), Seed.APerson("M1", grade: 3, manager: "BOSS"));
        (_pamsProgram, _pamsCohort) = await Seed.AProgram(_app, "pam@example.com", p => p.Eligibility.RequireManagerApproval = true);
        (_ottosProgram, _ottosCohort) = await Seed.AProgram(_app, "otto@example.com");
        await Invite(_pam, _pamsCohort, "Mentee", "L1");
        await Invite(_otto, _ottosCohort, "Mentee", "L2");
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private static async Task Invite(HttpClient manager, Guid cohort, string role, string employeeId) =>
        Assert.Equal(HttpStatusCode.OK, (await manager.PostAsJsonAsync($"/api/v1/cohorts/{cohort}/enrollments", new { role, employeeIds = new[] { employeeId } })).StatusCode);

    private Task<Guid> MessageTo(string email) => _app.Query(db => db.Outbox.Where(m => m.To == email).OrderBy(m => m.CreatedAt).Select(m => m.Id).FirstAsync());

    [Fact]
    public async Task EmailsAboutAProgram_AreFiledUnderIt_AndAccountInvitationsUnderNone()
    {
        var l1 = await _app.Query(db => db.Outbox.SingleAsync(m => m.To == "l1@example.com"));
        var pams = await _app.Query(db => db.Outbox.SingleAsync(m => m.To == "pam@example.com"));

        Assert.Equal(_pamsProgram, l1.ProgramId);
        Assert.Null(pams.ProgramId);
        Assert.Equal(_ottosProgram, (await _app.Query(db => db.Outbox.SingleAsync(m => m.To == "l2@example.com"))).ProgramId);
    }

    [Fact]
    public async Task TheLineManagersApprovalRequest_AndTheReminders_AreFiledUnderTheProgram()
    {
        await Invite(_pam, _pamsCohort, "Mentor", "M1");
        var token = await Given.LatestInvitationToken(_app, "m1@example.com");
        Assert.Equal(HttpStatusCode.NoContent, (await _app.Browser().PostAsJsonAsync("/api/v1/account/invitations/accept", new { token, password = Given.Password })).StatusCode);
        var m1 = await Given.SignedIn(_app, "m1@example.com");
        var id = (await m1.GetFromJsonAsync<List<MyEnrollments.Item>>("/api/v1/enrollments/mine", Json.Options))!.Single().EnrollmentId;
        Assert.Equal(HttpStatusCode.NoContent, (await m1.PostAsync($"/api/v1/enrollments/{id}/accept", null)).StatusCode);
        await Enrolled.Enrol(_app, _pamsCohort, Seed.APerson("L3", grade: 9), ParticipantRole.Mentee, "Generative AI", finished: false);
        Assert.Equal(HttpStatusCode.OK, (await _pam.PostAsync($"/api/v1/cohorts/{_pamsCohort}/reminders", null)).StatusCode);

        Assert.Equal(_pamsProgram, (await _app.Query(db => db.Outbox.SingleAsync(m => m.To == "boss@example.com"))).ProgramId);
        Assert.Equal(_pamsProgram, (await _app.Query(db => db.Outbox.SingleAsync(m => m.To == "l3@example.com"))).ProgramId);
    }

    [Fact]
    public async Task AProgramManager_ReadsTheirProgramsEmails_WithTheInvitationLink_AndNoOneElses()
    {
        var list = await (await _pam.GetAsync("/Programs/Outbox")).Html();
        Assert.Contains("Would you join Digital fluency as a leader?<span class=\"visually-hidden\"> to l1@example.com</span>", list);
        Assert.DoesNotContain("l2@example.com", list);
        Assert.DoesNotContain("Your invitation to Flipside", list);

        var message = await (await _pam.GetAsync($"/Programs/OutboxMessage?id={await MessageTo("l1@example.com")}")).Html();
        Assert.Contains("Hello Person L1,", message);
        Assert.Matches("<a href=\"http[^\"]+/Account/Invitation\\?token=[A-Za-z0-9_\\-]+\">", message);

        Assert.Equal(HttpStatusCode.NotFound, (await _pam.GetAsync($"/Programs/OutboxMessage?id={await MessageTo("l2@example.com")}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _pam.GetAsync($"/Programs/OutboxMessage?id={await MessageTo("otto@example.com")}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _pam.GetAsync($"/Programs/Outbox?programId={_ottosProgram}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _pam.GetAsync($"/Programs/OutboxMessage?id={Unknown}")).StatusCode);
    }

    [Fact]
    public async Task OneProgramsEmails_OpenFromTheProgramPage()
    {
        var program = await (await _pam.GetAsync($"/Programs/Program?id={_pamsProgram}")).Html();
        Assert.Contains($"href=\"/Programs/Outbox?programId={_pamsProgram}\"", program);

        var list = await (await _pam.GetAsync($"/Programs/Outbox?programId={_pamsProgram}")).Html();

        Assert.Contains("Emails about Digital fluency", list);
        Assert.Contains("l1@example.com", list);
    }

    [Fact]
    public async Task AnAdministrator_ReadsEveryProgramsEmailsThere_AndAProgramManagerHasItInTheMenu()
    {
        var list = await (await _admin.GetAsync("/Programs/Outbox")).Html();

        Assert.Contains("l1@example.com", list);
        Assert.Contains("l2@example.com", list);
        Assert.Contains("href=\"/Programs/Outbox\"", await (await _pam.GetAsync("/")).Html());
        Assert.DoesNotContain("href=\"/Programs/Outbox\"", await (await _admin.GetAsync("/")).Html());
    }

    [Fact]
    public async Task ANoticeThatAPairingEnded_ShowsOnlyToTheManagerItWasWrittenTo()
    {
        // Written to each manager but one in the leader's line; a colleague's copy would tell that manager what theirs would have.
        await _app.Query(async db =>
        {
            db.Outbox.Add(new OutboxMessage("Co.Manager@example.com", "A pairing in Digital fluency was ended", "Hello,", null, FlipsideFactory.Start)
                .ForProgram(_pamsProgram).About(PairingEmails.ExitKind, "pairing:x/1/co"));
            db.Outbox.Add(new OutboxMessage("Pam@Example.com", "A pairing in Digital fluency was paused", "Hello,", null, FlipsideFactory.Start)
                .ForProgram(_pamsProgram).About(PairingEmails.ExitKind, "pairing:x/2/pam"));
            return await db.SaveChangesAsync();
        });

        var list = await (await _pam.GetAsync("/Programs/Outbox")).Html();

        Assert.Contains("was paused", list);
        Assert.DoesNotContain("was ended", list);
        Assert.Equal(HttpStatusCode.NotFound, (await _pam.GetAsync($"/Programs/OutboxMessage?id={await MessageTo("Co.Manager@example.com")}")).StatusCode);
    }

    [Fact]
    public async Task APairsOwnEmails_InvitesMessageNoticesAndNudges_AreNotListedToManagers()
    {
        await _app.Query(async db =>
        {
            foreach (var kind in new[] { "meeting-invite", "message-notice", "nudge-meeting-soon" })
                db.Outbox.Add(new OutboxMessage("l1@example.com", $"Pair's own {kind}", "Hello,", null, FlipsideFactory.Start).ForProgram(_pamsProgram).About(kind, $"pairing:x/{kind}"));
            return await db.SaveChangesAsync();
        });

        var list = await (await _pam.GetAsync("/Programs/Outbox")).Html();

        Assert.DoesNotContain("Pair's own", list);
        var invite = await _app.Query(db => db.Outbox.Where(m => m.Kind == "meeting-invite").Select(m => m.Id).SingleAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await _pam.GetAsync($"/Programs/OutboxMessage?id={invite}")).StatusCode);
    }

    [Fact]
    public async Task AProgramManager_OpensAParticipantsProfile_FromTheRoster_AndNoOtherProgramsParticipant()
    {
        var leader = await Enrolled.Enrol(_app, _pamsCohort, Seed.APerson("L3", grade: 9), ParticipantRole.Mentee, "Generative AI", interests: ["Sailing"]);
        var ottos = await _app.Query(db => db.Enrollments.Where(e => e.Person.EmployeeId == "L2").Select(e => e.Id).SingleAsync());

        var roster = await (await _pam.GetAsync($"/Enrollment/Roster?cohortId={_pamsCohort}")).Html();
        Assert.Contains($"<a href=\"/Enrollment/Participant?id={leader}\">Person L3</a>", roster);

        var page = await _pam.GetAsync($"/Enrollment/Participant?id={leader}");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = await page.Html();
        Assert.Contains("<h1 class=\"h2\">Person L3</h1>", html);
        Assert.Contains("Generative AI", html);
        Assert.Contains("Sailing", html);
        Assert.Contains("Monday 09:00–12:00", html);
        Assert.Contains("Finished on", html);
        Assert.DoesNotContain("<form method=\"post\"", html.Split("<main")[1]);

        Assert.Equal(HttpStatusCode.NotFound, (await _pam.GetAsync($"/Enrollment/Participant?id={ottos}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _otto.GetAsync($"/Enrollment/Participant?id={leader}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _admin.GetAsync($"/Enrollment/Participant?id={leader}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _pam.GetAsync($"/Enrollment/Participant?id={Unknown}")).StatusCode);
    }

    [Fact]
    public async Task AParticipantWithoutAProfile_ReadsAsNotStarted()
    {
        var invited = await _app.Query(db => db.Enrollments.Where(e => e.Person.EmployeeId == "L1").Select(e => e.Id).SingleAsync());

        var html = await (await _pam.GetAsync($"/Enrollment/Participant?id={invited}")).Html();

        Assert.Contains("Person L1 has not started their matching profile yet.", html);
    }
}

/// <summary>With a mail server set up, the server delivers: a program manager sees whether each email went, not its text.</summary>
public sealed class ProgramOutboxWithMailServerTests : IDisposable
{
    private readonly FlipsideFactory _app = new FlipsideFactory().With("Smtp:Host", "127.0.0.1").With("Smtp:Port", "2525").With("Smtp:Security", "None")
        .With("App:PublicUrl", "https://flipside.example.com").With("Security:HttpsCookies", "false");

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task TheMessagesText_IsForItsRecipientOnly()
    {
        var admin = await Given.AnAdministrator(_app);
        var pam = await Given.AnAccount(_app, admin, "pam@example.com", Roles.ProgramManager);
        await Seed.People(_app, Seed.APerson("L1", grade: 8));
        var (_, cohort) = await Seed.AProgram(_app, "pam@example.com");
        await pam.PostAsJsonAsync($"/api/v1/cohorts/{cohort}/enrollments", new { role = "Mentee", employeeIds = new[] { "L1" } });
        var id = await _app.Query(db => db.Outbox.Where(m => m.To == "l1@example.com").Select(m => m.Id).SingleAsync());

        var list = await (await pam.GetAsync("/Programs/Outbox")).Html();
        var message = await (await pam.GetAsync($"/Programs/OutboxMessage?id={id}")).Html();

        Assert.Contains("l1@example.com", list);
        Assert.Contains("its text is for l1@example.com alone", message);
        Assert.DoesNotContain("/Account/Invitation?token=", message);
    }
}
