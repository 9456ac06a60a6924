using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Flipside.BrowserTests;

/// <summary>
/// Issue 4 end to end on its own empty database: a program manager designs a program from a template, imports
/// the organisation, invites leaders and reverse mentors, and sees the cohort ready to match once every profile
/// is finished; axe-core checks every page anyone sees.
/// </summary>
public sealed class EnrollmentJourneyTests(FlipsideFixture app) : IClassFixture<FlipsideFixture>, IAsyncLifetime
{
    private const string ProgramName = "Digital fluency for leaders";
    private const string Password = "orbit lantern meadow 42";

    private static readonly Person Admin = new("Ada Admin", "ada.admin@example.org", Password);
    private static readonly Person Manager = new("Mira Okafor", "mira.okafor@example.org", Password);
    private static readonly Person LeaderInBrowser = new("Helena Brandt", "helena.brandt@example.org", Password);
    private static readonly Person LeaderByApi = new("Rafael Ortiz", "rafael.ortiz@example.org", Password);
    private static readonly Person MentorInBrowser = new("Aiko Tanaka", "aiko.tanaka@example.org", Password);
    private static readonly Person MentorByApi = new("Mateo Ruiz", "mateo.ruiz@example.org", Password);
    private static readonly Person MentorWhoLeaves = new("Zara Osei", "zara.osei@example.org", Password);

    private readonly AxeAudit _audit = new();
    private readonly List<IBrowserContext> _participants = [];

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var context in _participants) await context.DisposeAsync();
    }

    [Fact]
    public async Task Manager_ImportsAndInvites_ParticipantsFinishProfiles_CohortIsReadyToMatch_AndAWithdrawalShows()
    {
        await using var adminContext = await app.NewContextAsync();
        var admin = await adminContext.NewPageAsync();
        await Flows.CreateFirstAdministratorAsync(admin, Admin, _audit);
        await Flows.SendInvitationAsync(admin, Manager, "ProgramManager", _audit);
        var managerLink = await Flows.ReadInvitationLinkAsync(admin, Manager.Email, _audit);

        await using var managerContext = await app.NewContextAsync();
        var manager = await managerContext.NewPageAsync();
        await Flows.AcceptInvitationAsync(manager, managerLink, Manager, _audit);
        await Flows.SignInAsync(manager, Manager, _audit);
        await CreateProgramWithEnrollingPilotAsync(manager);
        await ImportPeopleAsync(manager);
        var roster = await OpenRosterAsync(manager);
        await manager.GetByRole(AriaRole.Button, new() { Name = "Send invitations" }).ClickAsync();
        await Expect(manager.GetByRole(AriaRole.Alert)).ToHaveTextAsync("Enter employee ids (one per line or separated by commas) or upload a CSV file of them.");
        await _audit.CheckAsync(manager);
        await InviteAsync(manager, "leader", "L-101, L-102", "Invited 2 people.");
        await InviteAsync(manager, "reverse mentor", "M-201\nM-202\nM-203\nM-204", "Invited 3 people.");
        await Expect(manager.GetByRole(AriaRole.Status).GetByRole(AriaRole.Listitem))
            .ToHaveTextAsync("Sam Whitfield (M-204): tenure 3 months, the program asks for 12");

        var mentor = await JoinInBrowserAsync(admin, MentorInBrowser, "reverse mentor");
        await FillProfileAsync(mentor, "Skill 1", "Proficiency of skill 1", "Collaboration tools", "5");
        var leader = await JoinInBrowserAsync(admin, LeaderInBrowser, "leader");
        await FillProfileAsync(leader, "Learning goal 1", "Priority of learning goal 1", "Social media and digital marketing", "1");

        var byApi = new Dictionary<Person, (IAPIRequestContext Api, string EnrollmentId)>();
        foreach (var (person, role) in new[] { (LeaderByApi, "leader"), (MentorByApi, "reverse mentor"), (MentorWhoLeaves, "reverse mentor") })
            byApi[person] = await AcceptByApiAsync(admin, person, role);

        await manager.GotoAsync(roster);
        await Expect(manager.GetByText("1 of 3 reverse mentors and 1 of 2 leaders have finished their profile.")).ToBeVisibleAsync();
        await _audit.CheckAsync(manager);
        await manager.GetByRole(AriaRole.Button, new() { Name = "Remind the 3 people who have not finished" }).ClickAsync();
        await Expect(manager.GetByRole(AriaRole.Status)).ToContainTextAsync("Reminder sent to 3 people.");
        await _audit.CheckAsync(manager);

        foreach (var (api, enrollmentId) in byApi.Values)
            await FinishProfileByApiAsync(api, enrollmentId);
        await manager.GotoAsync(roster);
        await Expect(manager.GetByText("Ready to match: 3 reverse mentors and 2 leaders, every profile complete.")).ToBeVisibleAsync();
        await _audit.CheckAsync(manager);

        await WithdrawAsync(MentorWhoLeaves);
        await manager.GotoAsync(roster);
        await Expect(manager.GetByRole(AriaRole.Row).Filter(new() { HasText = MentorWhoLeaves.Name })).ToContainTextAsync("Withdrawn");
        await Expect(manager.GetByText("Ready to match: 2 reverse mentors and 2 leaders, every profile complete.")).ToBeVisibleAsync();
        await _audit.CheckAsync(manager);

        string[] visited = ["/Programs/New", "/Programs/Edit", "/Programs/Cohort", "/People/Import", "/People", "/People/Person", "/Enrollment/Roster",
            "/Admin/OutboxMessage", "/Account/Invitation", "/Enrollment/Mine", "/Enrollment/Profile"];
        Assert.Empty(visited.Except(_audit.Pages));
        _audit.AssertClean();
    }

    private async Task CreateProgramWithEnrollingPilotAsync(IPage page)
    {
        await page.GetByRole(AriaRole.Link, new() { Name = "Programs", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Programs", Level = 1 })).ToBeVisibleAsync();
        await _audit.CheckAsync(page);
        await page.GetByRole(AriaRole.Link, new() { Name = "Start from a template" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/Programs/New"));
        await _audit.CheckAsync(page);
        await page.GetByRole(AriaRole.Link, new() { Name = $"Use this template for {ProgramName}" }).ClickAsync();
        await Expect(page.GetByLabel("Name", new() { Exact = true })).ToHaveValueAsync(ProgramName);
        await _audit.CheckAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Save program" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync($"\"{ProgramName}\" is saved.");
        await _audit.CheckAsync(page);

        await page.GetByRole(AriaRole.Link, new() { Name = "Add a cohort" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "New cohort", Level = 1 })).ToBeVisibleAsync();
        await _audit.CheckAsync(page);
        await page.GetByLabel("Cohort name").FillAsync("Pilot");
        await page.GetByLabel("Starts on").FillAsync("2027-01-11");
        await page.GetByLabel("Ends on").FillAsync("2027-07-09");
        await page.GetByLabel("Capacity (pairs)").FillAsync("10");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save cohort" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Cohort \"Pilot\" is saved.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Move Pilot to enrolling" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("cannot be undone");
        await page.GetByRole(AriaRole.Button, new() { Name = "Yes, move Pilot to enrolling" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Cohort moved to enrolling.");
        await _audit.CheckAsync(page);
    }

    /// <summary>Two leaders, three reverse mentors with years of tenure, and one who joined three months ago.</summary>
    private async Task ImportPeopleAsync(IPage page)
    {
        var recentHire = DateTime.UtcNow.Date.AddMonths(-3).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var csv = Path.Combine(Directory.CreateTempSubdirectory("flipside-people-").FullName, "people.csv");
        await File.WriteAllTextAsync(csv, $"""
            employee_id,name,email,title,grade,department,location,time_zone,manager_id,hire_date
            L-101,{LeaderInBrowser.Name},{LeaderInBrowser.Email},Chief Operating Officer,9,Operations,London,Europe/London,,2009-04-01
            L-102,{LeaderByApi.Name},{LeaderByApi.Email},Director of Finance,8,Finance,New York,America/New_York,L-101,2012-09-17
            M-201,{MentorInBrowser.Name},{MentorInBrowser.Email},Marketing Analyst,2,Marketing,London,Europe/London,L-101,2022-03-07
            M-202,{MentorByApi.Name},{MentorByApi.Email},Software Engineer,3,Technology,Madrid,Europe/Madrid,L-102,2021-06-14
            M-203,{MentorWhoLeaves.Name},{MentorWhoLeaves.Email},Data Analyst,2,Finance,New York,America/New_York,L-101,2023-01-09
            M-204,Sam Whitfield,sam.whitfield@example.org,Customer Adviser,2,Customer Service,Leeds,Europe/London,L-102,{recentHire}
            """);
        try
        {
            await page.GetByRole(AriaRole.Link, new() { Name = "People", Exact = true }).ClickAsync();
            await _audit.CheckAsync(page);
            await page.GetByRole(AriaRole.Link, new() { Name = "Import people from a CSV file" }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Import people", Level = 1 })).ToBeVisibleAsync();
            await _audit.CheckAsync(page);
            await page.GetByLabel("CSV file").SetInputFilesAsync(csv);
            await page.GetByRole(AriaRole.Button, new() { Name = "Check and import" }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Import applied" }))
                .ToHaveTextAsync("Import applied: 6 created, 0 updated, 0 unchanged, 0 marked as left.");
            await Expect(page.GetByRole(AriaRole.Cell, new() { Name = "Sam Whitfield" })).ToBeVisibleAsync();
            await _audit.CheckAsync(page);
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(csv)!, recursive: true);
        }

        await page.GetByRole(AriaRole.Link, new() { Name = "People", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = MentorInBrowser.Name, Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = MentorInBrowser.Name, Level = 1 })).ToBeVisibleAsync();
        // The manager's field (the reporting line below names the leader again).
        await Expect(page.Locator("dl").GetByRole(AriaRole.Link, new() { Name = LeaderInBrowser.Name, Exact = true })).ToBeVisibleAsync();
        await _audit.CheckAsync(page);
    }

    /// <summary>Returns the roster's address, to come back to it later without resending a form.</summary>
    private async Task<string> OpenRosterAsync(IPage page)
    {
        await page.GetByRole(AriaRole.Link, new() { Name = "Programs", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = ProgramName, Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Enrolment and profiles of Pilot" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = $"{ProgramName} · Pilot", Level = 1 })).ToBeVisibleAsync();
        await _audit.CheckAsync(page);
        // Nothing is wrong yet, so no error box, not even an empty one.
        await Expect(page.GetByRole(AriaRole.Alert)).ToHaveCountAsync(0);
        return page.Url;
    }

    private async Task InviteAsync(IPage page, string role, string employeeIds, string outcome)
    {
        var byId = page.Locator("form").Filter(new() { Has = page.GetByRole(AriaRole.Heading, new() { Name = "By employee id" }) });
        await byId.GetByLabel("Invite as").SelectOptionAsync(new SelectOptionValue { Label = role });
        await byId.GetByLabel("Employee ids").FillAsync(employeeIds);
        await byId.GetByRole(AriaRole.Button, new() { Name = "Send invitations" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync(outcome);
        await _audit.CheckAsync(page);
    }

    private static string InvitationSubject(string role) => $"Would you join {ProgramName} as a {role}?";

    /// <summary>From the cohort's email: a password, then "My programs" in a browser of their own, where they accept.</summary>
    private async Task<IPage> JoinInBrowserAsync(IPage admin, Person person, string role)
    {
        var link = await Flows.ReadOutboxLinkAsync(admin, InvitationSubject(role), person.Email, "/Account/Invitation?token=", _audit);
        var context = await app.NewContextAsync();
        _participants.Add(context);
        var page = await context.NewPageAsync();
        await Flows.AcceptInvitationAsync(page, link, person, _audit);
        await Flows.SignInAsync(page, person, _audit);
        await page.GetByRole(AriaRole.Link, new() { Name = "My programs", Exact = true }).ClickAsync();
        await Expect(page.GetByText("Invited — your answer is needed")).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Alert)).ToHaveCountAsync(0);
        await _audit.CheckAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = $"Accept {ProgramName}" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Next, fill in your matching profile.");
        await _audit.CheckAsync(page);
        await page.GetByRole(AriaRole.Link, new() { Name = "Fill in my profile" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "My matching profile", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Alert)).ToHaveCountAsync(0);
        await _audit.CheckAsync(page);
        return page;
    }

    private async Task FillProfileAsync(IPage page, string topicLabel, string levelLabel, string topic, string level)
    {
        await page.GetByLabel(topicLabel, new() { Exact = true }).FillAsync(topic);
        await page.GetByLabel(levelLabel, new() { Exact = true }).SelectOptionAsync(level);
        await page.GetByLabel("Interests outside work").FillAsync("climbing, jazz");
        await page.GetByLabel("A mix").CheckAsync();
        await page.GetByLabel("By video").CheckAsync();
        await page.GetByLabel("Tuesday range 1 from").SelectOptionAsync("9");
        await page.GetByLabel("Tuesday range 1 to").SelectOptionAsync("12");
        await page.GetByLabel("Languages you could meet in").FillAsync("en, es");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save and finish" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Your profile is complete.");
        await Expect(page.GetByText("Enrolled · profile complete")).ToBeVisibleAsync();
        await _audit.CheckAsync(page);
    }

    /// <summary>The account link from the email, then the JSON API with the browser's cookies: accept, but no profile yet.</summary>
    private async Task<(IAPIRequestContext Api, string EnrollmentId)> AcceptByApiAsync(IPage admin, Person person, string role)
    {
        var link = await Flows.ReadOutboxLinkAsync(admin, InvitationSubject(role), person.Email, "/Account/Invitation?token=", _audit);
        var context = await app.NewContextAsync();
        _participants.Add(context);
        var page = await context.NewPageAsync();
        await Flows.AcceptInvitationAsync(page, link, person, _audit);
        var api = context.APIRequest;
        await SignInByApiAsync(api, person);
        var mine = await (await Flows.OkAsync(api.GetAsync("/api/v1/enrollments/mine"))).JsonAsync();
        var enrollmentId = mine!.Value.EnumerateArray().Single().GetProperty("enrollmentId").GetString()!;
        await Flows.OkAsync(api.PostAsync($"/api/v1/enrollments/{enrollmentId}/accept"));
        return (api, enrollmentId);
    }

    private static Task FinishProfileByApiAsync(IAPIRequestContext api, string enrollmentId) =>
        Flows.OkAsync(api.PutAsync($"/api/v1/enrollments/{enrollmentId}/profile", new()
        {
            DataObject = new
            {
                topics = new[] { new { name = "Data and analytics", level = 2 } },
                interests = Array.Empty<string>(),
                communicationStyle = 3,
                meetingMode = "Video",
                availability = new[] { 9, 10, 11 },
                languages = new[] { "en" },
                hopeToGive = "",
                hopeToGet = "",
                finish = true,
            },
        }));

    private async Task WithdrawAsync(Person person)
    {
        // Signed in through the API of a context of its own; the cookie works for pages as well.
        await using var context = await app.NewContextAsync();
        await SignInByApiAsync(context.APIRequest, person);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/Enrollment/Mine");
        await page.GetByText("Leave this program").ClickAsync();
        await _audit.CheckAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = $"Withdraw from {ProgramName}" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("You have left.");
        await Expect(page.GetByText("Withdrawn", new() { Exact = true })).ToBeVisibleAsync();
        await _audit.CheckAsync(page);
    }

    private static Task SignInByApiAsync(IAPIRequestContext api, Person person) =>
        Flows.OkAsync(api.PostAsync("/api/v1/account/sign-in", new() { DataObject = new { email = person.Email, password = person.Password } }));
}

/// <summary>A line manager answers a mentor's request through the emailed link, with no account; a forged link says it leads nowhere.</summary>
[Collection(AdministeredFlipsideCollection.Name)]
public sealed class ApprovalLinkTests(AdministeredFlipside app)
{
    [Fact]
    public async Task ValidApprovalLink_ManagerApproves_MentorIsEnrolled_AndBothPagesAreAccessible()
    {
        var audit = new AxeAudit();
        var mentor = Person.Unique("Aiko Tanaka");
        var lineManager = Person.Unique("Helena Brandt");
        var ids = Guid.NewGuid().ToString("N")[..8];
        var programName = $"Digital fluency {ids}";
        await using var adminContext = await app.NewAdministratorContextAsync();
        var admin = await adminContext.NewPageAsync();
        await admin.GotoAsync("/");

        // Set up through the JSON API with the administrator's cookies: a program that asks line managers, its
        // cohort, the mentor and their manager in the directory, and the mentor's invitation.
        var api = adminContext.APIRequest;
        var templates = JsonNode.Parse(await (await Flows.OkAsync(api.GetAsync("/api/v1/program-templates"))).TextAsync())!.AsArray();
        var program = templates.Single(t => (string?)t!["key"] == "digital-fluency")!["program"]!;
        program["name"] = programName;
        program["requireManagerApproval"] = true;
        var programId = await IdOf(Flows.OkAsync(api.PostAsync("/api/v1/programs", new() { DataObject = program })));
        var cohortId = await IdOf(Flows.OkAsync(api.PostAsync($"/api/v1/programs/{programId}/cohorts",
            new() { DataObject = new { name = "Pilot", startsOn = "2027-01-11", endsOn = "2027-07-09", capacity = 10 } })));
        await Flows.OkAsync(api.PostAsync("/api/v1/people/import", new()
        {
            Headers = new Dictionary<string, string> { ["Content-Type"] = "text/csv" },
            Data = $"""
                employee_id,name,email,title,grade,department,location,time_zone,manager_id,hire_date
                A-{ids}-1,{lineManager.Name},{lineManager.Email},Head of Marketing,7,Marketing,London,Europe/London,,2012-04-01
                A-{ids}-2,{mentor.Name},{mentor.Email},Marketing Analyst,2,Marketing,London,Europe/London,A-{ids}-1,2022-03-07
                """,
        }));
        await Flows.OkAsync(api.PostAsync($"/api/v1/cohorts/{cohortId}/enrollments", new() { DataObject = new { role = "Mentor", employeeIds = new[] { $"A-{ids}-2" } } }));

        var invitation = await Flows.ReadOutboxLinkAsync(admin, $"Would you join {programName} as a reverse mentor?", mentor.Email, "/Account/Invitation?token=");
        await using var mentorContext = await app.NewContextAsync();
        var mentorPage = await mentorContext.NewPageAsync();
        await Flows.AcceptInvitationAsync(mentorPage, invitation, mentor);
        await Flows.SignInAsync(mentorPage, mentor);
        await mentorPage.GetByRole(AriaRole.Link, new() { Name = "My programs", Exact = true }).ClickAsync();
        await mentorPage.GetByRole(AriaRole.Button, new() { Name = $"Accept {programName}" }).ClickAsync();
        await Expect(mentorPage.GetByText("Waiting for your line manager's approval")).ToBeVisibleAsync();

        var approval = await Flows.ReadOutboxLinkAsync(admin, $"{mentor.Name} would like to join {programName}", lineManager.Email, "/Enrollment/Approval?token=");
        await using var managerContext = await app.NewContextAsync();
        var managerPage = await managerContext.NewPageAsync();
        await managerPage.GotoAsync(approval);
        await Expect(managerPage.GetByRole(AriaRole.Heading, new() { Name = $"{mentor.Name} would like to join {programName}", Level = 1 })).ToBeVisibleAsync();
        await audit.CheckAsync(managerPage);
        await managerPage.GetByRole(AriaRole.Button, new() { Name = "Approve" }).ClickAsync();
        await Expect(managerPage.GetByRole(AriaRole.Heading, new() { Name = "Thank you", Level = 1 })).ToBeVisibleAsync();
        await Expect(managerPage.GetByText($"{mentor.Name} can take part.")).ToBeVisibleAsync();
        await audit.CheckAsync(managerPage);

        await mentorPage.ReloadAsync();
        await Expect(mentorPage.GetByText("Enrolled · profile not finished")).ToBeVisibleAsync();
        await Flows.ReadOutboxLinkAsync(admin, $"You are in {programName}", mentor.Email, "/Enrollment/Mine");
        Assert.Equal(["/Enrollment/Approval", "/Enrollment/Approval"], audit.Pages);
        audit.AssertClean();
    }

    private static async Task<string> IdOf(Task<IAPIResponse> created) =>
        (await (await created).JsonAsync())!.Value.GetProperty("id").GetString()!;

    [Fact]
    public async Task ForgedApprovalLink_SaysNoLongerValid_AndIsAccessible()
    {
        var audit = new AxeAudit();
        await using var context = await app.NewContextAsync();
        var page = await context.NewPageAsync();

        var response = await page.GotoAsync("/Enrollment/Approval?token=forged");

        Assert.Equal(200, response?.Status);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "This link is no longer valid", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Approve" })).ToHaveCountAsync(0);
        await audit.CheckAsync(page);
        audit.AssertClean();
    }
}
