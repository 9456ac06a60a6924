using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Flipside.BrowserTests;

/// <summary>The whole first day of an installation, on its own empty database, with axe-core on every page.</summary>
public sealed class JourneyTests(FlipsideFixture app) : IClassFixture<FlipsideFixture>
{
    [Fact]
    public async Task FirstRun_SetupToInvitedParticipantHome_WorksAndEveryPageIsAccessible()
    {
        var audit = new AxeAudit();
        var admin = new Person("Alex Morgan", "alex.morgan@example.org", "orbit lantern meadow 42");
        var participant = new Person("Priya Natarajan", "priya.natarajan@example.org", "copper kettle harbour 7");

        await using var adminContext = await app.NewContextAsync();
        var adminPage = await adminContext.NewPageAsync();
        await Flows.CreateFirstAdministratorAsync(adminPage, admin, audit);
        await Flows.SignOutAsync(adminPage);
        await Flows.SignInAsync(adminPage, admin, audit);
        await Flows.ExpectAdministratorHomeAsync(adminPage);
        await Screenshots.SaveAsync(adminPage, "admin-home.png");

        await Flows.SendInvitationAsync(adminPage, participant, "Participant", audit);
        await Screenshots.SaveAsync(adminPage, "invite.png");
        var link = await Flows.ReadInvitationLinkAsync(adminPage, participant.Email, audit);

        await using var participantContext = await app.NewContextAsync();
        var participantPage = await participantContext.NewPageAsync();
        await Flows.AcceptInvitationAsync(participantPage, link, participant, audit);
        await Expect(participantPage.GetByLabel("Email")).ToHaveValueAsync(participant.Email);
        await Flows.SignInAsync(participantPage, participant, audit);
        await Expect(participantPage.GetByRole(AriaRole.Heading, new() { Name = "Your mentoring" })).ToBeVisibleAsync();
        await Expect(participantPage.GetByRole(AriaRole.Heading, new() { Name = "Administration" })).ToHaveCountAsync(0);
        await audit.CheckAsync(participantPage);

        string[] visited = ["/Account/Setup", "/", "/Account/SignIn", "/Admin/Invite", "/Admin/Outbox", "/Admin/OutboxMessage", "/Account/Invitation"];
        Assert.Empty(visited.Except(audit.Pages));
        audit.AssertClean();
    }
}
