using System.Net;
using Flipside.Domain;
using Flipside.Tests.Support;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Flipside.Tests.Platform;

/// <summary>
/// Who may call what. Every endpoint the app maps must appear in <see cref="Matrix"/>, so a new endpoint
/// cannot ship without a decision about its audience.
/// </summary>
public sealed class AuthorizationTests(FlipsideFactory app) : IClassFixture<FlipsideFactory>, IAsyncLifetime
{
    private const string Anyone = "anyone";
    private const string SignedIn = "signed-in";

    // (method, route pattern, a concrete path, who may call it)
    private static readonly (string Method, string Pattern, string Path, string Audience)[] Matrix =
    [
        ("GET", "/", "/", SignedIn),
        ("GET", "/Index", "/Index", SignedIn),
        ("GET", "/Admin/Users", "/Admin/Users", Roles.Administrator),
        ("GET", "/Admin/Invite", "/Admin/Invite", Roles.Administrator),
        ("GET", "/Admin/Outbox", "/Admin/Outbox", Roles.Administrator),
        ("GET", "/Admin/OutboxMessage", "/Admin/OutboxMessage?id=00000000-0000-0000-0000-000000000001", Roles.Administrator),
        ("POST", "/Admin/OutboxMessage", "/Admin/OutboxMessage?id=00000000-0000-0000-0000-000000000001&handler=SendAgain", Roles.Administrator),
        ("GET", "/Account/SignIn", "/Account/SignIn", Anyone),
        ("GET", "/Account/SignOut", "/Account/SignOut", Anyone),
        ("GET", "/Account/Setup", "/Account/Setup", Anyone),
        ("GET", "/Account/Invitation", "/Account/Invitation?token=x", Anyone),
        ("GET", "/Account/AccessDenied", "/Account/AccessDenied", Anyone),
        ("GET", "/Shared/Error", "/Shared/Error", Anyone),
        ("GET", "/Shared/NotFound", "/Shared/NotFound", Anyone),
        ("GET", "/health", "/health", Anyone),
        ("GET", "/openapi/{documentName}.json", "/openapi/v1.json", Anyone),
        ("POST", "/api/v1/account/sign-in", "/api/v1/account/sign-in", Anyone),
        ("POST", "/api/v1/account/invitations/accept", "/api/v1/account/invitations/accept", Anyone),
        ("POST", "/api/v1/account/sign-out", "/api/v1/account/sign-out", SignedIn),
        ("GET", "/api/v1/account/me", "/api/v1/account/me", SignedIn),
        ("GET", "/api/v1/admin/users", "/api/v1/admin/users", Roles.Administrator),
        ("PUT", "/api/v1/admin/users/{id}/roles", "/api/v1/admin/users/x/roles", Roles.Administrator),
        ("POST", "/api/v1/admin/users/{id}/deactivate", "/api/v1/admin/users/x/deactivate", Roles.Administrator),
        ("POST", "/api/v1/admin/users/{id}/reactivate", "/api/v1/admin/users/x/reactivate", Roles.Administrator),
        ("POST", "/api/v1/admin/invitations", "/api/v1/admin/invitations", Roles.Administrator),
        ("GET", "/api/v1/admin/outbox", "/api/v1/admin/outbox", Roles.Administrator),
        ("POST", "/api/v1/admin/outbox/{id:guid}/send-again", "/api/v1/admin/outbox/00000000-0000-0000-0000-000000000001/send-again", Roles.Administrator),
        ("GET", "/People", "/People", Roles.ProgramManager),
        ("GET", "/People/Index", "/People/Index", Roles.ProgramManager),
        ("GET", "/People/Person", "/People/Person?id=00000000-0000-0000-0000-000000000001", Roles.ProgramManager),
        ("GET", "/People/Import", "/People/Import", Roles.ProgramManager),
        ("GET", "/api/v1/people/", "/api/v1/people", Roles.ProgramManager),
        ("GET", "/api/v1/people/{id:guid}", "/api/v1/people/00000000-0000-0000-0000-000000000001", Roles.ProgramManager),
        ("POST", "/api/v1/people/import", "/api/v1/people/import", Roles.ProgramManager),
        ("GET", "/Programs", "/Programs", Roles.ProgramManager),
        ("GET", "/Programs/Index", "/Programs/Index", Roles.ProgramManager),
        ("GET", "/Programs/New", "/Programs/New", Roles.ProgramManager),
        ("GET", "/Programs/Edit", "/Programs/Edit", Roles.ProgramManager),
        ("GET", "/Programs/Program", "/Programs/Program?id=00000000-0000-0000-0000-000000000001", Roles.ProgramManager),
        ("GET", "/Programs/Cohort", "/Programs/Cohort?programId=00000000-0000-0000-0000-000000000001", Roles.ProgramManager),
        ("GET", "/api/v1/program-templates", "/api/v1/program-templates", Roles.ProgramManager),
        ("GET", "/api/v1/programs", "/api/v1/programs", Roles.ProgramManager),
        ("POST", "/api/v1/programs", "/api/v1/programs", Roles.ProgramManager),
        ("GET", "/api/v1/programs/{id:guid}", "/api/v1/programs/00000000-0000-0000-0000-000000000001", Roles.ProgramManager),
        ("PUT", "/api/v1/programs/{id:guid}", "/api/v1/programs/00000000-0000-0000-0000-000000000001", Roles.ProgramManager),
        ("POST", "/api/v1/programs/{id:guid}/archive", "/api/v1/programs/00000000-0000-0000-0000-000000000001/archive", Roles.ProgramManager),
        ("POST", "/api/v1/programs/{id:guid}/restore", "/api/v1/programs/00000000-0000-0000-0000-000000000001/restore", Roles.ProgramManager),
        ("POST", "/api/v1/programs/{id:guid}/managers", "/api/v1/programs/00000000-0000-0000-0000-000000000001/managers", Roles.Administrator),
        ("DELETE", "/api/v1/programs/{id:guid}/managers/{userId}", "/api/v1/programs/00000000-0000-0000-0000-000000000001/managers/x", Roles.Administrator),
        ("GET", "/api/v1/programs/{id:guid}/cohorts", "/api/v1/programs/00000000-0000-0000-0000-000000000001/cohorts", Roles.ProgramManager),
        ("POST", "/api/v1/programs/{id:guid}/cohorts", "/api/v1/programs/00000000-0000-0000-0000-000000000001/cohorts", Roles.ProgramManager),
        ("PUT", "/api/v1/programs/{id:guid}/cohorts/{cohortId:guid}", "/api/v1/programs/00000000-0000-0000-0000-000000000001/cohorts/00000000-0000-0000-0000-000000000001", Roles.ProgramManager),
        ("POST", "/api/v1/programs/{id:guid}/cohorts/{cohortId:guid}/status", "/api/v1/programs/00000000-0000-0000-0000-000000000001/cohorts/00000000-0000-0000-0000-000000000001/status", Roles.ProgramManager),
        ("GET", "/Enrollment/Mine", "/Enrollment/Mine", SignedIn),
        ("GET", "/Enrollment/Profile", "/Enrollment/Profile?id=00000000-0000-0000-0000-000000000001", SignedIn),
        ("GET", "/Enrollment/Roster", "/Enrollment/Roster?cohortId=00000000-0000-0000-0000-000000000001", Roles.ProgramManager),
        ("GET", "/Enrollment/Approval", "/Enrollment/Approval?token=x", Anyone),
        ("GET", "/api/v1/cohorts/{cohortId:guid}/enrollments", "/api/v1/cohorts/00000000-0000-0000-0000-000000000001/enrollments", Roles.ProgramManager),
        ("POST", "/api/v1/cohorts/{cohortId:guid}/enrollments", "/api/v1/cohorts/00000000-0000-0000-0000-000000000001/enrollments", Roles.ProgramManager),
        ("POST", "/api/v1/cohorts/{cohortId:guid}/reminders", "/api/v1/cohorts/00000000-0000-0000-0000-000000000001/reminders", Roles.ProgramManager),
        ("POST", "/api/v1/cohorts/{cohortId:guid}/applications", "/api/v1/cohorts/00000000-0000-0000-0000-000000000001/applications", SignedIn),
        ("GET", "/api/v1/enrollments/mine", "/api/v1/enrollments/mine", SignedIn),
        ("POST", "/api/v1/enrollments/{id:guid}/accept", "/api/v1/enrollments/00000000-0000-0000-0000-000000000001/accept", SignedIn),
        ("POST", "/api/v1/enrollments/{id:guid}/decline", "/api/v1/enrollments/00000000-0000-0000-0000-000000000001/decline", SignedIn),
        ("POST", "/api/v1/enrollments/{id:guid}/withdraw", "/api/v1/enrollments/00000000-0000-0000-0000-000000000001/withdraw", SignedIn),
        ("GET", "/api/v1/enrollments/{id:guid}/profile", "/api/v1/enrollments/00000000-0000-0000-0000-000000000001/profile", SignedIn),
        ("PUT", "/api/v1/enrollments/{id:guid}/profile", "/api/v1/enrollments/00000000-0000-0000-0000-000000000001/profile", SignedIn),
        ("POST", "/api/v1/enrollments/{id:guid}/decision", "/api/v1/enrollments/00000000-0000-0000-0000-000000000001/decision", Roles.ProgramManager),
        ("POST", "/api/v1/enrollment-approvals", "/api/v1/enrollment-approvals", Anyone),
    ];

    // Shared by the class's tests and emptied before each: the configuration is the same for all of them.
    private readonly FlipsideFactory _app = app;
    private readonly Dictionary<string, HttpClient> _as = [];

    public async Task InitializeAsync()
    {
        await _app.ResetAsync();
        var admin = await Given.AnAdministrator(_app);
        _as[Roles.Administrator] = admin;
        foreach (var role in new[] { Roles.ProgramManager, Roles.Sponsor, Roles.Participant })
            _as[role] = await Given.AnAccount(_app, admin, $"{role.ToLowerInvariant()}@example.com", role);
    }

    // xunit disposes the class fixture after the class's last test.
    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public void EveryMappedEndpoint_IsInTheMatrix()
    {
        var mapped = _app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText is { } raw && !raw.Contains('.', StringComparison.Ordinal) || e.RoutePattern.RawText == "/openapi/{documentName}.json")
            .Select(e => "/" + e.RoutePattern.RawText!.TrimStart('/'))
            // Static files (wwwroot) are public by design.
            .Where(p => !p.StartsWith("/lib/", StringComparison.Ordinal) && !p.StartsWith("/css/", StringComparison.Ordinal) && !p.Contains(":file}", StringComparison.Ordinal))
            .Distinct().ToList();
        var missing = mapped.Where(p => Matrix.All(m => !string.Equals(m.Pattern, p, StringComparison.OrdinalIgnoreCase))).ToList();
        Assert.True(missing.Count == 0, $"Add these endpoints to the authorization matrix: {string.Join(", ", missing)}");
    }

    [Fact]
    public async Task Anonymous_GetsNoFurtherThanSignIn()
    {
        foreach (var (method, _, path, audience) in Matrix.Where(m => m.Audience != Anyone))
        {
            var response = await _app.Browser().SendAsync(new HttpRequestMessage(new HttpMethod(method), path));
            var refused = path.StartsWith("/api", StringComparison.Ordinal)
                ? response.StatusCode == HttpStatusCode.Unauthorized
                : response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location!.OriginalString.Contains("/Account/SignIn", StringComparison.Ordinal);
            Assert.True(refused, $"{method} {path} ({audience}) gave {(int)response.StatusCode} to an anonymous visitor");
        }
    }

    [Theory]
    [InlineData(Roles.ProgramManager)]
    [InlineData(Roles.Sponsor)]
    [InlineData(Roles.Participant)]
    public async Task OtherRoles_AreRefusedAdministration(string role)
    {
        foreach (var (method, _, path, _) in Matrix.Where(m => m.Audience == Roles.Administrator))
        {
            var response = await _as[role].SendAsync(new HttpRequestMessage(new HttpMethod(method), path) { Content = JsonContent() });
            var refused = path.StartsWith("/api", StringComparison.Ordinal)
                ? response.StatusCode == HttpStatusCode.Forbidden
                : response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location!.OriginalString.Contains("/Account/AccessDenied", StringComparison.Ordinal);
            Assert.True(refused, $"{method} {path} gave {(int)response.StatusCode} to a {role}");
        }
    }

    [Fact]
    public async Task Administrators_ReachEveryAdministrationEndpoint()
    {
        foreach (var (method, _, path, _) in Matrix.Where(m => m.Audience == Roles.Administrator))
        {
            var response = await _as[Roles.Administrator].SendAsync(new HttpRequestMessage(new HttpMethod(method), path) { Content = JsonContent() });
            Assert.True(response.StatusCode is not (HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden or HttpStatusCode.Redirect),
                $"{method} {path} gave {(int)response.StatusCode} to an administrator");
        }
    }

    [Theory]
    [InlineData(Roles.Sponsor)]
    [InlineData(Roles.Participant)]
    public async Task SponsorsAndParticipants_AreRefusedProgramStaffEndpoints(string role)
    {
        foreach (var (method, _, path, _) in Matrix.Where(m => m.Audience == Roles.ProgramManager))
        {
            var response = await _as[role].SendAsync(new HttpRequestMessage(new HttpMethod(method), path) { Content = JsonContent() });
            var refused = path.StartsWith("/api", StringComparison.Ordinal)
                ? response.StatusCode == HttpStatusCode.Forbidden
                : response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location!.OriginalString.Contains("/Account/AccessDenied", StringComparison.Ordinal);
            // Routing answers 415 for a body type an endpoint does not take, before authorization runs: also a refusal.
            Assert.True(refused || response.StatusCode == HttpStatusCode.UnsupportedMediaType, $"{method} {path} gave {(int)response.StatusCode} to a {role}");
        }
    }

    private static StringContent JsonContent() => new("{}", System.Text.Encoding.UTF8, "application/json");
}
