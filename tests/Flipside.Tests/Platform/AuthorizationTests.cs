using System.Net;
using System.Reflection;
using Flipside.Domain;
using Flipside.Tests.Support;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Flipside.Tests.Platform;

/// <summary>
/// Who may call what. Every endpoint the app maps must appear in <see cref="Matrix"/>, so a new endpoint
/// cannot ship without a decision about its audience.
/// </summary>
public sealed partial class AuthorizationTests(FlipsideFactory app) : IClassFixture<FlipsideFactory>, IAsyncLifetime
{
    private const string Anyone = "anyone";
    private const string SignedIn = "signed-in";
    /// <summary>A program's aggregates: its managers, its sponsors and administrators; participants are refused.</summary>
    private const string Reporting = "reporting";
    /// <summary>An identity provider with a SCIM token; no signed-in account, whatever its role.</summary>
    private const string ScimToken = "scim-token";

    // (method, route pattern, a concrete path, who may call it)
    private static readonly (string Method, string Pattern, string Path, string Audience)[] Matrix =
    [
        ("GET", "/", "/", SignedIn),
        ("GET", "/Index", "/Index", SignedIn),
        ("GET", "/Admin/Users", "/Admin/Users", Roles.Administrator),
        ("GET", "/Admin/Invite", "/Admin/Invite", Roles.Administrator),
        ("GET", "/Admin/Outbox", "/Admin/Outbox", Roles.Administrator),
        ("GET", "/Admin/OutboxMessage", "/Admin/OutboxMessage?id=00000000-0000-0000-0000-000000000001", Roles.Administrator),
        // The audit log (issue 14): administrators only, on the page, the API and its CSV export.
        ("GET", "/Admin/Audit", "/Admin/Audit", Roles.Administrator),
        ("GET", "/api/v1/audit", "/api/v1/audit", Roles.Administrator),
        ("GET", "/api/v1/audit.csv", "/api/v1/audit.csv", Roles.Administrator),
        ("GET", "/Account/SignIn", "/Account/SignIn", Anyone),
        ("GET", "/Account/SignOut", "/Account/SignOut", Anyone),
        ("GET", "/Account/Setup", "/Account/Setup", Anyone),
        ("GET", "/Account/Invitation", "/Account/Invitation?token=x", Anyone),
        ("GET", "/Account/AccessDenied", "/Account/AccessDenied", Anyone),
        // Single sign-on (issue 13): not found while it is off; starts, finishes and explains a sign-in at the provider.
        ("GET", "/Account/SingleSignOn", "/Account/SingleSignOn", Anyone),
        // Two-step sign-in (issue 14): the code step follows a right password; the set-up page is every account's own.
        ("GET", "/Account/SignInCode", "/Account/SignInCode", Anyone),
        ("GET", "/TwoStep", "/TwoStep", SignedIn),
        ("GET", "/TwoStep/Index", "/TwoStep/Index", SignedIn),
        ("GET", "/Shared/Error", "/Shared/Error", Anyone),
        ("GET", "/Shared/NotFound", "/Shared/NotFound", Anyone),
        ("GET", "/health", "/health", Anyone),
        ("GET", "/openapi/{documentName}.json", "/openapi/v1.json", Anyone),
        ("POST", "/api/v1/account/sign-in", "/api/v1/account/sign-in", Anyone),
        ("POST", "/api/v1/account/invitations/accept", "/api/v1/account/invitations/accept", Anyone),
        ("POST", "/api/v1/account/sign-out", "/api/v1/account/sign-out", SignedIn),
        ("GET", "/api/v1/account/me", "/api/v1/account/me", SignedIn),
        ("GET", "/api/v1/account/me/export", "/api/v1/account/me/export", SignedIn),
        ("GET", "/api/v1/admin/users", "/api/v1/admin/users", Roles.Administrator),
        ("PUT", "/api/v1/admin/users/{id}/roles", "/api/v1/admin/users/x/roles", Roles.Administrator),
        ("POST", "/api/v1/admin/users/{id}/deactivate", "/api/v1/admin/users/x/deactivate", Roles.Administrator),
        ("POST", "/api/v1/admin/users/{id}/reactivate", "/api/v1/admin/users/x/reactivate", Roles.Administrator),
        ("POST", "/api/v1/admin/invitations", "/api/v1/admin/invitations", Roles.Administrator),
        ("GET", "/api/v1/admin/outbox", "/api/v1/admin/outbox", Roles.Administrator),
        ("POST", "/api/v1/admin/outbox/{id:guid}/send-again", "/api/v1/admin/outbox/00000000-0000-0000-0000-000000000001/send-again", Roles.Administrator),
        ("GET", "/Health/Program", "/Health/Program?id=00000000-0000-0000-0000-000000000001", Reporting),
        ("GET", "/Health/Cohort", "/Health/Cohort?id=00000000-0000-0000-0000-000000000001", Reporting),
        ("GET", "/Health/Pair", "/Health/Pair?id=00000000-0000-0000-0000-000000000001", Roles.ProgramManager),
        ("GET", "/api/v1/programs/{id:guid}/health", "/api/v1/programs/00000000-0000-0000-0000-000000000001/health", Reporting),
        ("GET", "/api/v1/cohorts/{cohortId:guid}/health", "/api/v1/cohorts/00000000-0000-0000-0000-000000000001/health", Reporting),
        ("GET", "/api/v1/pairings/{pairingId:guid}/health", "/api/v1/pairings/00000000-0000-0000-0000-000000000001/health", Roles.ProgramManager),
        ("GET", "/People", "/People", Roles.ProgramManager),
        ("GET", "/People/Index", "/People/Index", Roles.ProgramManager),
        ("GET", "/People/Person", "/People/Person?id=00000000-0000-0000-0000-000000000001", Roles.ProgramManager),
        ("GET", "/People/Import", "/People/Import", Roles.ProgramManager),
        ("GET", "/api/v1/people/", "/api/v1/people", Roles.ProgramManager),
        ("GET", "/api/v1/people/{id:guid}", "/api/v1/people/00000000-0000-0000-0000-000000000001", Roles.ProgramManager),
        ("POST", "/api/v1/people/import", "/api/v1/people/import", Roles.ProgramManager),
        ("POST", "/api/v1/people/{id:guid}/leave", "/api/v1/people/00000000-0000-0000-0000-000000000001/leave", Roles.Administrator),
        ("POST", "/api/v1/people/{id:guid}/erase", "/api/v1/people/00000000-0000-0000-0000-000000000001/erase", Roles.Administrator),
        ("GET", "/api/v1/people/imports", "/api/v1/people/imports", Roles.ProgramManager),
        ("POST", "/api/v1/people/imports/{id:guid}/undo", "/api/v1/people/imports/00000000-0000-0000-0000-000000000001/undo", Roles.ProgramManager),
        ("GET", "/People/Imports", "/People/Imports", Roles.ProgramManager),
        ("GET", "/People/ImportMapping", "/People/ImportMapping?UploadId=00000000-0000-0000-0000-000000000001", Roles.ProgramManager),
        ("GET", "/api/v1/people/import/mappings", "/api/v1/people/import/mappings", Roles.ProgramManager),
        ("GET", "/api/v1/people/import/mappings/{name}", "/api/v1/people/import/mappings/x", Roles.ProgramManager),
        ("PUT", "/api/v1/people/import/mappings/{name}", "/api/v1/people/import/mappings/x", Roles.ProgramManager),
        ("GET", "/People/Edit", "/People/Edit?id=00000000-0000-0000-0000-000000000001", Roles.Administrator),
        ("POST", "/People/Edit", "/People/Edit?id=00000000-0000-0000-0000-000000000001", Roles.Administrator),
        ("PUT", "/api/v1/people/{id:guid}", "/api/v1/people/00000000-0000-0000-0000-000000000001", Roles.Administrator),
        // SCIM provisioning (issue 13): tokens are an administrator's; /scim/v2 takes a SCIM token and no cookie.
        ("GET", "/Scim/Tokens", "/Scim/Tokens", Roles.Administrator),
        ("POST", "/Scim/Tokens?handler=Make", "/Scim/Tokens?handler=Make", Roles.Administrator),
        ("POST", "/Scim/Tokens?handler=Revoke", "/Scim/Tokens?handler=Revoke&id=00000000-0000-0000-0000-000000000001", Roles.Administrator),
        ("GET", "/scim/v2/ServiceProviderConfig", "/scim/v2/ServiceProviderConfig", ScimToken),
        ("GET", "/scim/v2/ResourceTypes", "/scim/v2/ResourceTypes", ScimToken),
        ("GET", "/scim/v2/ResourceTypes/{id}", "/scim/v2/ResourceTypes/User", ScimToken),
        ("GET", "/scim/v2/Schemas", "/scim/v2/Schemas", ScimToken),
        ("GET", "/scim/v2/Schemas/{id}", "/scim/v2/Schemas/x", ScimToken),
        ("GET", "/scim/v2/Users", "/scim/v2/Users", ScimToken),
        ("POST", "/scim/v2/Users", "/scim/v2/Users", ScimToken),
        ("GET", "/scim/v2/Users/{id}", "/scim/v2/Users/00000000-0000-0000-0000-000000000001", ScimToken),
        ("PUT", "/scim/v2/Users/{id}", "/scim/v2/Users/00000000-0000-0000-0000-000000000001", ScimToken),
        ("PATCH", "/scim/v2/Users/{id}", "/scim/v2/Users/00000000-0000-0000-0000-000000000001", ScimToken),
        ("DELETE", "/scim/v2/Users/{id}", "/scim/v2/Users/00000000-0000-0000-0000-000000000001", ScimToken),
        ("GET", "/scim/v2/Groups", "/scim/v2/Groups", ScimToken),
        ("POST", "/scim/v2/Groups", "/scim/v2/Groups", ScimToken),
        ("GET", "/scim/v2/Groups/{id}", "/scim/v2/Groups/Sponsor", ScimToken),
        ("PUT", "/scim/v2/Groups/{id}", "/scim/v2/Groups/Sponsor", ScimToken),
        ("PATCH", "/scim/v2/Groups/{id}", "/scim/v2/Groups/Sponsor", ScimToken),
        ("DELETE", "/scim/v2/Groups/{id}", "/scim/v2/Groups/Sponsor", ScimToken),
        ("GET", "/Programs", "/Programs", Roles.ProgramManager),
        ("GET", "/Programs/Index", "/Programs/Index", Roles.ProgramManager),
        ("GET", "/Programs/New", "/Programs/New", Roles.ProgramManager),
        ("GET", "/Programs/Edit", "/Programs/Edit", Roles.ProgramManager),
        ("GET", "/Programs/Program", "/Programs/Program?id=00000000-0000-0000-0000-000000000001", Roles.ProgramManager),
        ("GET", "/Programs/Cohort", "/Programs/Cohort?programId=00000000-0000-0000-0000-000000000001", Roles.ProgramManager),
        ("GET", "/Programs/Outbox", "/Programs/Outbox", Roles.ProgramManager),
        ("GET", "/Programs/OutboxMessage", "/Programs/OutboxMessage?id=00000000-0000-0000-0000-000000000001", Roles.ProgramManager),
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
        ("GET", "/api/v1/programs/{id:guid}/cohorts/{cohortId:guid}", "/api/v1/programs/00000000-0000-0000-0000-000000000001/cohorts/00000000-0000-0000-0000-000000000001", Roles.ProgramManager),
        ("PUT", "/api/v1/programs/{id:guid}/cohorts/{cohortId:guid}", "/api/v1/programs/00000000-0000-0000-0000-000000000001/cohorts/00000000-0000-0000-0000-000000000001", Roles.ProgramManager),
        ("POST", "/api/v1/programs/{id:guid}/cohorts/{cohortId:guid}/status", "/api/v1/programs/00000000-0000-0000-0000-000000000001/cohorts/00000000-0000-0000-0000-000000000001/status", Roles.ProgramManager),
        ("GET", "/Enrollment/Mine", "/Enrollment/Mine", SignedIn),
        ("GET", "/Enrollment/Profile", "/Enrollment/Profile?id=00000000-0000-0000-0000-000000000001", SignedIn),
        ("GET", "/Enrollment/Roster", "/Enrollment/Roster?cohortId=00000000-0000-0000-0000-000000000001", Roles.ProgramManager),
        ("GET", "/Enrollment/Participant", "/Enrollment/Participant?id=00000000-0000-0000-0000-000000000001", Roles.ProgramManager),
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
        ("POST", "/api/v1/programs/{id:guid}/sponsors", "/api/v1/programs/00000000-0000-0000-0000-000000000001/sponsors", Roles.ProgramManager),
        ("DELETE", "/api/v1/programs/{id:guid}/sponsors/{userId}", "/api/v1/programs/00000000-0000-0000-0000-000000000001/sponsors/x", Roles.ProgramManager),
        ("GET", "/api/v1/cohorts/{cohortId:guid}/matching", "/api/v1/cohorts/00000000-0000-0000-0000-000000000001/matching", Roles.ProgramManager),
        ("POST", "/api/v1/cohorts/{cohortId:guid}/matching/runs", "/api/v1/cohorts/00000000-0000-0000-0000-000000000001/matching/runs", Roles.ProgramManager),
        ("GET", "/api/v1/cohorts/{cohortId:guid}/matching/runs/{runId:guid}", "/api/v1/cohorts/00000000-0000-0000-0000-000000000001/matching/runs/00000000-0000-0000-0000-000000000001", Roles.ProgramManager),
        ("POST", "/api/v1/cohorts/{cohortId:guid}/matching/preview", "/api/v1/cohorts/00000000-0000-0000-0000-000000000001/matching/preview", Roles.ProgramManager),
        ("POST", "/api/v1/cohorts/{cohortId:guid}/matching/publish", "/api/v1/cohorts/00000000-0000-0000-0000-000000000001/matching/publish", Roles.ProgramManager),
        ("POST", "/api/v1/cohorts/{cohortId:guid}/pairings", "/api/v1/cohorts/00000000-0000-0000-0000-000000000001/pairings", Roles.ProgramManager),
        ("POST", "/api/v1/cohorts/{cohortId:guid}/pairings/{pairingId:guid}/decision", "/api/v1/cohorts/00000000-0000-0000-0000-000000000001/pairings/00000000-0000-0000-0000-000000000001/decision", Roles.ProgramManager),
        ("POST", "/api/v1/cohorts/{cohortId:guid}/pairings/{pairingId:guid}/exit", "/api/v1/cohorts/00000000-0000-0000-0000-000000000001/pairings/00000000-0000-0000-0000-000000000001/exit", Roles.ProgramManager),
        ("POST", "/api/v1/cohorts/{cohortId:guid}/matching/rematch", "/api/v1/cohorts/00000000-0000-0000-0000-000000000001/matching/rematch", Roles.ProgramManager),
        ("POST", "/api/v1/cohorts/{cohortId:guid}/pairings/{pairingId:guid}/keep", "/api/v1/cohorts/00000000-0000-0000-0000-000000000001/pairings/00000000-0000-0000-0000-000000000001/keep", Roles.ProgramManager),
        ("GET", "/api/v1/pairings/mine", "/api/v1/pairings/mine", SignedIn),
        ("POST", "/api/v1/pairings/{pairingId:guid}/exit", "/api/v1/pairings/00000000-0000-0000-0000-000000000001/exit", SignedIn),
        ("GET", "/Matching/Board", "/Matching/Board?cohortId=00000000-0000-0000-0000-000000000001", Roles.ProgramManager),
        ("GET", "/api/v1/self-matching/cohorts/{cohortId:guid}/suggestions", "/api/v1/self-matching/cohorts/00000000-0000-0000-0000-000000000001/suggestions", SignedIn),
        ("POST", "/api/v1/self-matching/cohorts/{cohortId:guid}/requests", "/api/v1/self-matching/cohorts/00000000-0000-0000-0000-000000000001/requests", SignedIn),
        ("GET", "/api/v1/self-matching/requests", "/api/v1/self-matching/requests", SignedIn),
        ("POST", "/api/v1/self-matching/requests/{requestId:guid}/answer", "/api/v1/self-matching/requests/00000000-0000-0000-0000-000000000001/answer", SignedIn),
        ("GET", "/api/v1/cohorts/{cohortId:guid}/mentor-requests", "/api/v1/cohorts/00000000-0000-0000-0000-000000000001/mentor-requests", Roles.ProgramManager),
        ("GET", "/Pairings/Suggestions", "/Pairings/Suggestions?cohortId=00000000-0000-0000-0000-000000000001", SignedIn),
        ("GET", "/Pairings/Requests", "/Pairings/Requests", SignedIn),
        ("GET", "/api/v1/ranked-choice/cohorts/{cohortId:guid}/ranking", "/api/v1/ranked-choice/cohorts/00000000-0000-0000-0000-000000000001/ranking", SignedIn),
        ("PUT", "/api/v1/ranked-choice/cohorts/{cohortId:guid}/ranking", "/api/v1/ranked-choice/cohorts/00000000-0000-0000-0000-000000000001/ranking", SignedIn),
        ("GET", "/Pairings/Rank", "/Pairings/Rank?cohortId=00000000-0000-0000-0000-000000000001", SignedIn),
        ("GET", "/api/v1/pairings/{pairingId:guid}/notes", "/api/v1/pairings/00000000-0000-0000-0000-000000000001/notes", SignedIn),
        ("POST", "/api/v1/pairings/{pairingId:guid}/notes", "/api/v1/pairings/00000000-0000-0000-0000-000000000001/notes", SignedIn),
        ("GET", "/api/v1/pairings/{pairingId:guid}/notes/{noteId:guid}", "/api/v1/pairings/00000000-0000-0000-0000-000000000001/notes/00000000-0000-0000-0000-000000000001", SignedIn),
        ("PUT", "/api/v1/pairings/{pairingId:guid}/notes/{noteId:guid}", "/api/v1/pairings/00000000-0000-0000-0000-000000000001/notes/00000000-0000-0000-0000-000000000001", SignedIn),
        ("DELETE", "/api/v1/pairings/{pairingId:guid}/notes/{noteId:guid}", "/api/v1/pairings/00000000-0000-0000-0000-000000000001/notes/00000000-0000-0000-0000-000000000001", SignedIn),
        ("GET", "/api/v1/pairings/{pairingId:guid}/messages", "/api/v1/pairings/00000000-0000-0000-0000-000000000001/messages", SignedIn),
        ("POST", "/api/v1/pairings/{pairingId:guid}/messages", "/api/v1/pairings/00000000-0000-0000-0000-000000000001/messages", SignedIn),
        ("GET", "/Conversations/Notes", "/Conversations/Notes?pairingId=00000000-0000-0000-0000-000000000001", SignedIn),
        ("GET", "/Conversations/Messages", "/Conversations/Messages?pairingId=00000000-0000-0000-0000-000000000001", SignedIn),
        ("GET", "/Matching/Pair", "/Matching/Pair?cohortId=00000000-0000-0000-0000-000000000001&id=00000000-0000-0000-0000-000000000001", Roles.ProgramManager),
        ("GET", "/Nudges/Settings", "/Nudges/Settings", SignedIn),
        ("GET", "/Nudges/Program", "/Nudges/Program?programId=00000000-0000-0000-0000-000000000001", Roles.ProgramManager),
        ("GET", "/api/v1/account/nudges/", "/api/v1/account/nudges", SignedIn),
        ("PUT", "/api/v1/account/nudges/", "/api/v1/account/nudges", SignedIn),
        ("GET", "/api/v1/programs/{programId:guid}/required-nudges/", "/api/v1/programs/00000000-0000-0000-0000-000000000001/required-nudges", Roles.ProgramManager),
        ("PUT", "/api/v1/programs/{programId:guid}/required-nudges/", "/api/v1/programs/00000000-0000-0000-0000-000000000001/required-nudges", Roles.ProgramManager),
        ("GET", "/api/v1/pairings/{pairingId:guid}/meetings", "/api/v1/pairings/00000000-0000-0000-0000-000000000001/meetings", SignedIn),
        ("GET", "/api/v1/pairings/{pairingId:guid}/meetings/suggestions", "/api/v1/pairings/00000000-0000-0000-0000-000000000001/meetings/suggestions", SignedIn),
        ("POST", "/api/v1/pairings/{pairingId:guid}/meetings", "/api/v1/pairings/00000000-0000-0000-0000-000000000001/meetings", SignedIn),
        ("GET", "/api/v1/pairings/{pairingId:guid}/session-kit", "/api/v1/pairings/00000000-0000-0000-0000-000000000001/session-kit", SignedIn),
        ("POST", "/api/v1/meetings/{meetingId:guid}/accept", "/api/v1/meetings/00000000-0000-0000-0000-000000000001/accept", SignedIn),
        ("POST", "/api/v1/meetings/{meetingId:guid}/reschedule", "/api/v1/meetings/00000000-0000-0000-0000-000000000001/reschedule", SignedIn),
        ("POST", "/api/v1/meetings/{meetingId:guid}/cancel", "/api/v1/meetings/00000000-0000-0000-0000-000000000001/cancel", SignedIn),
        ("PUT", "/api/v1/meetings/{meetingId:guid}/agenda", "/api/v1/meetings/00000000-0000-0000-0000-000000000001/agenda", SignedIn),
        ("PUT", "/api/v1/meetings/{meetingId:guid}/log", "/api/v1/meetings/00000000-0000-0000-0000-000000000001/log", SignedIn),
        ("POST", "/api/v1/meetings/{meetingId:guid}/action-items", "/api/v1/meetings/00000000-0000-0000-0000-000000000001/action-items", SignedIn),
        ("POST", "/api/v1/action-items/{itemId:guid}/complete", "/api/v1/action-items/00000000-0000-0000-0000-000000000001/complete", SignedIn),
        ("GET", "/api/v1/calendar/feed/", "/api/v1/calendar/feed", SignedIn),
        ("POST", "/api/v1/calendar/feed/", "/api/v1/calendar/feed", SignedIn),
        ("DELETE", "/api/v1/calendar/feed/", "/api/v1/calendar/feed", SignedIn),
        ("GET", "/api/v1/calendar/feeds/{file}", "/api/v1/calendar/feeds/x.ics", Anyone),
        ("GET", "/api/v1/cohorts/{cohortId:guid}/meetings", "/api/v1/cohorts/00000000-0000-0000-0000-000000000001/meetings", Roles.ProgramManager),
        ("GET", "/Sessions/Meetings", "/Sessions/Meetings?pairingId=00000000-0000-0000-0000-000000000001", SignedIn),
        ("GET", "/Sessions/Log", "/Sessions/Log?meetingId=00000000-0000-0000-0000-000000000001", SignedIn),
        ("GET", "/Sessions/Calendar", "/Sessions/Calendar", SignedIn),
        ("GET", "/Sessions/Cohort", "/Sessions/Cohort?cohortId=00000000-0000-0000-0000-000000000001", Roles.ProgramManager),
        ("GET", "/api/v1/programs/{programId:guid}/guidelines/", "/api/v1/programs/00000000-0000-0000-0000-000000000001/guidelines", SignedIn),
        ("PUT", "/api/v1/programs/{programId:guid}/guidelines/", "/api/v1/programs/00000000-0000-0000-0000-000000000001/guidelines", Roles.ProgramManager),
        ("POST", "/api/v1/programs/{programId:guid}/guidelines/acknowledgement", "/api/v1/programs/00000000-0000-0000-0000-000000000001/guidelines/acknowledgement", SignedIn),
        ("GET", "/api/v1/pairings/{pairingId:guid}/agreement/", "/api/v1/pairings/00000000-0000-0000-0000-000000000001/agreement", SignedIn),
        ("PUT", "/api/v1/pairings/{pairingId:guid}/agreement/", "/api/v1/pairings/00000000-0000-0000-0000-000000000001/agreement", SignedIn),
        ("POST", "/api/v1/pairings/{pairingId:guid}/agreement/sign", "/api/v1/pairings/00000000-0000-0000-0000-000000000001/agreement/sign", SignedIn),
        ("GET", "/api/v1/pairings/{pairingId:guid}/agreement/versions", "/api/v1/pairings/00000000-0000-0000-0000-000000000001/agreement/versions", SignedIn),
        ("GET", "/api/v1/pairings/{pairingId:guid}/agreement/versions/{revision:int}", "/api/v1/pairings/00000000-0000-0000-0000-000000000001/agreement/versions/1", SignedIn),
        ("GET", "/api/v1/pairings/{pairingId:guid}/agreement/diff", "/api/v1/pairings/00000000-0000-0000-0000-000000000001/agreement/diff", SignedIn),
        ("GET", "/api/v1/cohorts/{cohortId:guid}/agreements", "/api/v1/cohorts/00000000-0000-0000-0000-000000000001/agreements", Roles.ProgramManager),
        ("GET", "/api/v1/pairings/{pairingId:guid}/goals/", "/api/v1/pairings/00000000-0000-0000-0000-000000000001/goals", SignedIn),
        ("POST", "/api/v1/pairings/{pairingId:guid}/goals/", "/api/v1/pairings/00000000-0000-0000-0000-000000000001/goals", SignedIn),
        ("PUT", "/api/v1/pairings/{pairingId:guid}/goals/{goalId:guid}", "/api/v1/pairings/00000000-0000-0000-0000-000000000001/goals/00000000-0000-0000-0000-000000000001", SignedIn),
        ("DELETE", "/api/v1/pairings/{pairingId:guid}/goals/{goalId:guid}", "/api/v1/pairings/00000000-0000-0000-0000-000000000001/goals/00000000-0000-0000-0000-000000000001", SignedIn),
        ("POST", "/api/v1/pairings/{pairingId:guid}/goals/{goalId:guid}/milestones", "/api/v1/pairings/00000000-0000-0000-0000-000000000001/goals/00000000-0000-0000-0000-000000000001/milestones", SignedIn),
        ("PUT", "/api/v1/pairings/{pairingId:guid}/goals/{goalId:guid}/milestones/{milestoneId:guid}", "/api/v1/pairings/00000000-0000-0000-0000-000000000001/goals/00000000-0000-0000-0000-000000000001/milestones/00000000-0000-0000-0000-000000000001", SignedIn),
        ("DELETE", "/api/v1/pairings/{pairingId:guid}/goals/{goalId:guid}/milestones/{milestoneId:guid}", "/api/v1/pairings/00000000-0000-0000-0000-000000000001/goals/00000000-0000-0000-0000-000000000001/milestones/00000000-0000-0000-0000-000000000001", SignedIn),
        ("POST", "/api/v1/pairings/{pairingId:guid}/goals/{goalId:guid}/progress", "/api/v1/pairings/00000000-0000-0000-0000-000000000001/goals/00000000-0000-0000-0000-000000000001/progress", SignedIn),
        ("GET", "/api/v1/cohorts/{cohortId:guid}/goals", "/api/v1/cohorts/00000000-0000-0000-0000-000000000001/goals", Roles.ProgramManager),
        ("GET", "/Agreements/Agreement", "/Agreements/Agreement?pairingId=00000000-0000-0000-0000-000000000001", SignedIn),
        ("GET", "/Agreements/Cohort", "/Agreements/Cohort?cohortId=00000000-0000-0000-0000-000000000001", Roles.ProgramManager),
        ("GET", "/Agreements/Guidelines", "/Agreements/Guidelines?programId=00000000-0000-0000-0000-000000000001", Roles.ProgramManager),
        ("GET", "/Goals/Pairing", "/Goals/Pairing?pairingId=00000000-0000-0000-0000-000000000001", SignedIn),
        // Insights (issue 12): the pair's own, and leadership's, whose use cases decide (sponsors hold no staff policy).
        ("GET", "/api/v1/pairings/{pairingId:guid}/insights/", "/api/v1/pairings/00000000-0000-0000-0000-000000000001/insights", SignedIn),
        ("POST", "/api/v1/pairings/{pairingId:guid}/insights/", "/api/v1/pairings/00000000-0000-0000-0000-000000000001/insights", SignedIn),
        ("GET", "/api/v1/programs/{programId:guid}/insights", "/api/v1/programs/00000000-0000-0000-0000-000000000001/insights", SignedIn),
        ("POST", "/api/v1/insights/{insightId:guid}/response", "/api/v1/insights/00000000-0000-0000-0000-000000000001/response", SignedIn),
        ("GET", "/Insights/Pairing", "/Insights/Pairing?pairingId=00000000-0000-0000-0000-000000000001", SignedIn),
        ("GET", "/Insights/Program", "/Insights/Program?programId=00000000-0000-0000-0000-000000000001", SignedIn),
        // Sponsors (issue 12): a list of the viewer's sponsored programs (empty for others) and one reportable program's figures.
        ("GET", "/api/v1/sponsor/programs/", "/api/v1/sponsor/programs", SignedIn),
        ("GET", "/api/v1/sponsor/programs/{programId:guid}", "/api/v1/sponsor/programs/00000000-0000-0000-0000-000000000001", SignedIn),
        ("GET", "/Sponsors", "/Sponsors", SignedIn),
        ("GET", "/Sponsors/Index", "/Sponsors/Index", SignedIn),
        ("GET", "/Sponsors/Program", "/Sponsors/Program?programId=00000000-0000-0000-0000-000000000001", SignedIn),
        // Every page handler, as "/Page?handler=Name" (the default handler as the page alone): the same rules as endpoints.
        ("POST", "/Admin/OutboxMessage?handler=SendAgain", "/Admin/OutboxMessage?id=00000000-0000-0000-0000-000000000001&handler=SendAgain", Roles.Administrator),
        ("POST", "/Admin/Invite", "/Admin/Invite", Roles.Administrator),
        ("POST", "/Admin/Users?handler=Roles", "/Admin/Users?handler=Roles", Roles.Administrator),
        ("POST", "/Admin/Users?handler=Active", "/Admin/Users?handler=Active", Roles.Administrator),
        ("POST", "/People/Import", "/People/Import", Roles.ProgramManager),
        ("POST", "/People/Import?handler=Problems", "/People/Import?handler=Problems", Roles.ProgramManager),
        ("POST", "/People/ImportMapping?handler=Preview", "/People/ImportMapping?UploadId=00000000-0000-0000-0000-000000000001&handler=Preview", Roles.ProgramManager),
        ("POST", "/People/ImportMapping?handler=Apply", "/People/ImportMapping?UploadId=00000000-0000-0000-0000-000000000001&handler=Apply", Roles.ProgramManager),
        ("POST", "/People/Imports?handler=Undo", "/People/Imports?id=00000000-0000-0000-0000-000000000001&handler=Undo", Roles.ProgramManager),
        ("POST", "/People/Person?handler=Leave", "/People/Person?id=00000000-0000-0000-0000-000000000001&handler=Leave", Roles.Administrator),
        ("POST", "/People/Person?handler=Erase", "/People/Person?id=00000000-0000-0000-0000-000000000001&handler=Erase", Roles.Administrator),
        ("POST", "/Programs/Program?handler=Move", "/Programs/Program?id=00000000-0000-0000-0000-000000000001&handler=Move", Roles.ProgramManager),
        ("POST", "/Programs/Program?handler=Archive", "/Programs/Program?id=00000000-0000-0000-0000-000000000001&handler=Archive", Roles.ProgramManager),
        ("POST", "/Programs/Program?handler=Restore", "/Programs/Program?id=00000000-0000-0000-0000-000000000001&handler=Restore", Roles.ProgramManager),
        ("POST", "/Programs/Program?handler=AddManager", "/Programs/Program?id=00000000-0000-0000-0000-000000000001&handler=AddManager", Roles.Administrator),
        ("POST", "/Programs/Program?handler=RemoveManager", "/Programs/Program?id=00000000-0000-0000-0000-000000000001&handler=RemoveManager", Roles.Administrator),
        ("POST", "/Programs/Program?handler=AddSponsor", "/Programs/Program?id=00000000-0000-0000-0000-000000000001&handler=AddSponsor", Roles.ProgramManager),
        ("POST", "/Programs/Program?handler=RemoveSponsor", "/Programs/Program?id=00000000-0000-0000-0000-000000000001&handler=RemoveSponsor", Roles.ProgramManager),
        ("POST", "/Programs/Edit", "/Programs/Edit", Roles.ProgramManager),
        ("POST", "/Programs/Edit?handler=AddObjective", "/Programs/Edit?handler=AddObjective", Roles.ProgramManager),
        ("POST", "/Programs/Edit?handler=RemoveObjective", "/Programs/Edit?handler=RemoveObjective", Roles.ProgramManager),
        ("POST", "/Programs/Edit?handler=AddMeasure", "/Programs/Edit?handler=AddMeasure", Roles.ProgramManager),
        ("POST", "/Programs/Edit?handler=RemoveMeasure", "/Programs/Edit?handler=RemoveMeasure", Roles.ProgramManager),
        ("POST", "/Programs/Cohort", "/Programs/Cohort?programId=00000000-0000-0000-0000-000000000001", Roles.ProgramManager),
        ("POST", "/Shared/Error", "/Shared/Error", Anyone),
        ("POST", "/Enrollment/Mine?handler=Accept", "/Enrollment/Mine?id=00000000-0000-0000-0000-000000000001&handler=Accept", SignedIn),
        ("POST", "/Enrollment/Mine?handler=Decline", "/Enrollment/Mine?id=00000000-0000-0000-0000-000000000001&handler=Decline", SignedIn),
        ("POST", "/Enrollment/Mine?handler=Withdraw", "/Enrollment/Mine?id=00000000-0000-0000-0000-000000000001&handler=Withdraw", SignedIn),
        ("POST", "/Enrollment/Mine?handler=Apply", "/Enrollment/Mine?handler=Apply", SignedIn),
        ("POST", "/Enrollment/Roster?handler=Invite", "/Enrollment/Roster?cohortId=00000000-0000-0000-0000-000000000001&handler=Invite", Roles.ProgramManager),
        ("POST", "/Enrollment/Roster?handler=Remind", "/Enrollment/Roster?cohortId=00000000-0000-0000-0000-000000000001&handler=Remind", Roles.ProgramManager),
        ("POST", "/Enrollment/Roster?handler=Decide", "/Enrollment/Roster?cohortId=00000000-0000-0000-0000-000000000001&enrollmentId=00000000-0000-0000-0000-000000000001&accept=true&handler=Decide", Roles.ProgramManager),
        ("POST", "/Enrollment/Profile", "/Enrollment/Profile?id=00000000-0000-0000-0000-000000000001", SignedIn),
        ("POST", "/Enrollment/Approval", "/Enrollment/Approval?token=x", Anyone),
        ("POST", "/Account/Invitation", "/Account/Invitation?token=x", Anyone),
        ("POST", "/Account/Setup", "/Account/Setup", Anyone),
        ("POST", "/Account/SignIn", "/Account/SignIn", Anyone),
        ("POST", "/Account/SignInCode", "/Account/SignInCode", Anyone),
        ("POST", "/TwoStep/Index?handler=Start", "/TwoStep?handler=Start", SignedIn),
        ("POST", "/TwoStep/Index?handler=Confirm", "/TwoStep?handler=Confirm", SignedIn),
        ("POST", "/TwoStep/Index?handler=RecoveryCodes", "/TwoStep?handler=RecoveryCodes", SignedIn),
        ("POST", "/TwoStep/Index?handler=TurnOff", "/TwoStep?handler=TurnOff", SignedIn),
        ("POST", "/Account/SignOut", "/Account/SignOut", Anyone),
        ("POST", "/Account/SignOut?handler=Everywhere", "/Account/SignOut?handler=Everywhere", Anyone),
        ("POST", "/Matching/Board?handler=Run", "/Matching/Board?cohortId=00000000-0000-0000-0000-000000000001&handler=Run", Roles.ProgramManager),
        ("POST", "/Matching/Board?handler=Preview", "/Matching/Board?cohortId=00000000-0000-0000-0000-000000000001&handler=Preview", Roles.ProgramManager),
        ("POST", "/Matching/Board?handler=Decide", "/Matching/Board?cohortId=00000000-0000-0000-0000-000000000001&handler=Decide", Roles.ProgramManager),
        ("POST", "/Matching/Board?handler=ApproveAll", "/Matching/Board?cohortId=00000000-0000-0000-0000-000000000001&handler=ApproveAll", Roles.ProgramManager),
        ("POST", "/Matching/Board?handler=ByHand", "/Matching/Board?cohortId=00000000-0000-0000-0000-000000000001&handler=ByHand", Roles.ProgramManager),
        ("POST", "/Matching/Board?handler=Publish", "/Matching/Board?cohortId=00000000-0000-0000-0000-000000000001&handler=Publish", Roles.ProgramManager),
        ("POST", "/Matching/Board?handler=Exit", "/Matching/Board?cohortId=00000000-0000-0000-0000-000000000001&handler=Exit", Roles.ProgramManager),
        ("POST", "/Matching/Board?handler=Rematch", "/Matching/Board?cohortId=00000000-0000-0000-0000-000000000001&handler=Rematch", Roles.ProgramManager),
        ("POST", "/Matching/Board?handler=Keep", "/Matching/Board?cohortId=00000000-0000-0000-0000-000000000001&handler=Keep", Roles.ProgramManager),
        ("POST", "/Pairings/Suggestions?handler=Request", "/Pairings/Suggestions?cohortId=00000000-0000-0000-0000-000000000001&handler=Request", SignedIn),
        ("POST", "/Pairings/Requests?handler=Answer", "/Pairings/Requests?id=00000000-0000-0000-0000-000000000001&handler=Answer", SignedIn),
        ("POST", "/Pairings/Rank?handler=Save", "/Pairings/Rank?cohortId=00000000-0000-0000-0000-000000000001&handler=Save", SignedIn),
        ("POST", "/Conversations/Notes?handler=Write", "/Conversations/Notes?pairingId=00000000-0000-0000-0000-000000000001&handler=Write", SignedIn),
        ("POST", "/Conversations/Notes?handler=Edit", "/Conversations/Notes?pairingId=00000000-0000-0000-0000-000000000001&id=00000000-0000-0000-0000-000000000001&handler=Edit", SignedIn),
        ("POST", "/Conversations/Notes?handler=Delete", "/Conversations/Notes?pairingId=00000000-0000-0000-0000-000000000001&id=00000000-0000-0000-0000-000000000001&handler=Delete", SignedIn),
        ("POST", "/Conversations/Messages?handler=Send", "/Conversations/Messages?pairingId=00000000-0000-0000-0000-000000000001&handler=Send", SignedIn),
        ("POST", "/Enrollment/Mine?handler=Pairing", "/Enrollment/Mine?id=00000000-0000-0000-0000-000000000001&handler=Pairing", SignedIn),
        ("POST", "/Nudges/Settings", "/Nudges/Settings", SignedIn),
        ("POST", "/Nudges/Program", "/Nudges/Program?programId=00000000-0000-0000-0000-000000000001", Roles.ProgramManager),
        // Training (issue 11): participants' own training, and program staff's settings, status and circles.
        ("GET", "/api/v1/training/mine", "/api/v1/training/mine", SignedIn),
        ("GET", "/api/v1/training/programs/{programId:guid}/modules", "/api/v1/training/programs/00000000-0000-0000-0000-000000000001/modules", SignedIn),
        ("GET", "/api/v1/training/programs/{programId:guid}/modules/{key}", "/api/v1/training/programs/00000000-0000-0000-0000-000000000001/modules/two-roles", SignedIn),
        ("POST", "/api/v1/training/programs/{programId:guid}/modules/{key}/completion", "/api/v1/training/programs/00000000-0000-0000-0000-000000000001/modules/two-roles/completion", SignedIn),
        ("GET", "/api/v1/training/programs/{programId:guid}/requirements", "/api/v1/training/programs/00000000-0000-0000-0000-000000000001/requirements", Roles.ProgramManager),
        ("PUT", "/api/v1/training/programs/{programId:guid}/requirements", "/api/v1/training/programs/00000000-0000-0000-0000-000000000001/requirements", Roles.ProgramManager),
        ("POST", "/api/v1/training/programs/{programId:guid}/modules", "/api/v1/training/programs/00000000-0000-0000-0000-000000000001/modules", Roles.ProgramManager),
        ("PUT", "/api/v1/training/programs/{programId:guid}/modules/{key}", "/api/v1/training/programs/00000000-0000-0000-0000-000000000001/modules/two-roles", Roles.ProgramManager),
        ("GET", "/api/v1/training/cohorts/{cohortId:guid}/status", "/api/v1/training/cohorts/00000000-0000-0000-0000-000000000001/status", Roles.ProgramManager),
        ("POST", "/api/v1/training/cohorts/{cohortId:guid}/reminders", "/api/v1/training/cohorts/00000000-0000-0000-0000-000000000001/reminders", Roles.ProgramManager),
        ("GET", "/api/v1/training/cohorts/{cohortId:guid}/circles", "/api/v1/training/cohorts/00000000-0000-0000-0000-000000000001/circles", Roles.ProgramManager),
        ("POST", "/api/v1/training/cohorts/{cohortId:guid}/circles", "/api/v1/training/cohorts/00000000-0000-0000-0000-000000000001/circles", Roles.ProgramManager),
        ("PUT", "/api/v1/training/cohorts/{cohortId:guid}/circles/{circleId:guid}", "/api/v1/training/cohorts/00000000-0000-0000-0000-000000000001/circles/00000000-0000-0000-0000-000000000001", Roles.ProgramManager),
        ("DELETE", "/api/v1/training/circles/{circleId:guid}", "/api/v1/training/circles/00000000-0000-0000-0000-000000000001", Roles.ProgramManager),
        ("PUT", "/api/v1/training/circles/{circleId:guid}/attendance", "/api/v1/training/circles/00000000-0000-0000-0000-000000000001/attendance", Roles.ProgramManager),
        ("GET", "/Training", "/Training", SignedIn),
        ("GET", "/Training/Index", "/Training/Index", SignedIn),
        ("GET", "/Training/Module", "/Training/Module?programId=00000000-0000-0000-0000-000000000001&key=two-roles", SignedIn),
        ("GET", "/Training/Program", "/Training/Program?id=00000000-0000-0000-0000-000000000001", Roles.ProgramManager),
        ("GET", "/Training/Edit", "/Training/Edit?programId=00000000-0000-0000-0000-000000000001", Roles.ProgramManager),
        ("GET", "/Training/Cohort", "/Training/Cohort?cohortId=00000000-0000-0000-0000-000000000001", Roles.ProgramManager),
        ("POST", "/Training/Module", "/Training/Module?programId=00000000-0000-0000-0000-000000000001&key=two-roles", SignedIn),
        ("POST", "/Training/Program", "/Training/Program?id=00000000-0000-0000-0000-000000000001", Roles.ProgramManager),
        ("POST", "/Training/Edit", "/Training/Edit?programId=00000000-0000-0000-0000-000000000001", Roles.ProgramManager),
        ("POST", "/Training/Edit?handler=Preview", "/Training/Edit?programId=00000000-0000-0000-0000-000000000001&handler=Preview", Roles.ProgramManager),
        ("POST", "/Training/Cohort?handler=Remind", "/Training/Cohort?cohortId=00000000-0000-0000-0000-000000000001&handler=Remind", Roles.ProgramManager),
        ("POST", "/Training/Cohort?handler=Schedule", "/Training/Cohort?cohortId=00000000-0000-0000-0000-000000000001&handler=Schedule", Roles.ProgramManager),
        ("POST", "/Training/Cohort?handler=Cancel", "/Training/Cohort?cohortId=00000000-0000-0000-0000-000000000001&circleId=00000000-0000-0000-0000-000000000001&handler=Cancel", Roles.ProgramManager),
        ("POST", "/Training/Cohort?handler=Attendance", "/Training/Cohort?cohortId=00000000-0000-0000-0000-000000000001&circleId=00000000-0000-0000-0000-000000000001&handler=Attendance", Roles.ProgramManager),
        ("POST", "/Sessions/Meetings?handler=Propose", "/Sessions/Meetings?pairingId=00000000-0000-0000-0000-000000000001&meetingId=00000000-0000-0000-0000-000000000001&handler=Propose", SignedIn),
        ("POST", "/Sessions/Meetings?handler=Reschedule", "/Sessions/Meetings?pairingId=00000000-0000-0000-0000-000000000001&meetingId=00000000-0000-0000-0000-000000000001&handler=Reschedule", SignedIn),
        ("POST", "/Sessions/Meetings?handler=Accept", "/Sessions/Meetings?pairingId=00000000-0000-0000-0000-000000000001&meetingId=00000000-0000-0000-0000-000000000001&handler=Accept", SignedIn),
        ("POST", "/Sessions/Meetings?handler=Cancel", "/Sessions/Meetings?pairingId=00000000-0000-0000-0000-000000000001&meetingId=00000000-0000-0000-0000-000000000001&handler=Cancel", SignedIn),
        ("POST", "/Sessions/Meetings?handler=Agenda", "/Sessions/Meetings?pairingId=00000000-0000-0000-0000-000000000001&meetingId=00000000-0000-0000-0000-000000000001&handler=Agenda", SignedIn),
        ("POST", "/Sessions/Log", "/Sessions/Log?meetingId=00000000-0000-0000-0000-000000000001", SignedIn),
        ("POST", "/Sessions/Log?handler=AddItem", "/Sessions/Log?meetingId=00000000-0000-0000-0000-000000000001&itemId=00000000-0000-0000-0000-000000000001&handler=AddItem", SignedIn),
        ("POST", "/Sessions/Log?handler=Complete", "/Sessions/Log?meetingId=00000000-0000-0000-0000-000000000001&itemId=00000000-0000-0000-0000-000000000001&handler=Complete", SignedIn),
        ("POST", "/Sessions/Calendar?handler=Renew", "/Sessions/Calendar?handler=Renew", SignedIn),
        ("POST", "/Sessions/Calendar?handler=Revoke", "/Sessions/Calendar?handler=Revoke", SignedIn),
        ("POST", "/Agreements/Agreement?handler=Acknowledge", "/Agreements/Agreement?pairingId=00000000-0000-0000-0000-000000000001&handler=Acknowledge", SignedIn),
        ("POST", "/Agreements/Agreement?handler=Save", "/Agreements/Agreement?pairingId=00000000-0000-0000-0000-000000000001&handler=Save", SignedIn),
        ("POST", "/Agreements/Agreement?handler=Sign", "/Agreements/Agreement?pairingId=00000000-0000-0000-0000-000000000001&handler=Sign", SignedIn),
        ("POST", "/Agreements/Guidelines", "/Agreements/Guidelines?programId=00000000-0000-0000-0000-000000000001", Roles.ProgramManager),
        ("POST", "/Goals/Pairing?handler=Add", "/Goals/Pairing?pairingId=00000000-0000-0000-0000-000000000001&handler=Add", SignedIn),
        ("POST", "/Goals/Pairing?handler=Remove", "/Goals/Pairing?pairingId=00000000-0000-0000-0000-000000000001&handler=Remove", SignedIn),
        ("POST", "/Goals/Pairing?handler=Milestone", "/Goals/Pairing?pairingId=00000000-0000-0000-0000-000000000001&handler=Milestone", SignedIn),
        ("POST", "/Goals/Pairing?handler=Mark", "/Goals/Pairing?pairingId=00000000-0000-0000-0000-000000000001&handler=Mark", SignedIn),
        ("POST", "/Goals/Pairing?handler=Progress", "/Goals/Pairing?pairingId=00000000-0000-0000-0000-000000000001&handler=Progress", SignedIn),
        // Celebration (issue 12): the pair's kudos, milestones, certificate and story; staff review stories; the showcase.
        ("GET", "/api/v1/pairings/{pairingId:guid}/kudos", "/api/v1/pairings/00000000-0000-0000-0000-000000000001/kudos", SignedIn),
        ("POST", "/api/v1/pairings/{pairingId:guid}/kudos", "/api/v1/pairings/00000000-0000-0000-0000-000000000001/kudos", SignedIn),
        ("GET", "/api/v1/pairings/{pairingId:guid}/milestones", "/api/v1/pairings/00000000-0000-0000-0000-000000000001/milestones", SignedIn),
        ("GET", "/api/v1/pairings/{pairingId:guid}/certificate", "/api/v1/pairings/00000000-0000-0000-0000-000000000001/certificate", SignedIn),
        ("GET", "/api/v1/pairings/{pairingId:guid}/stories", "/api/v1/pairings/00000000-0000-0000-0000-000000000001/stories", SignedIn),
        ("POST", "/api/v1/pairings/{pairingId:guid}/stories", "/api/v1/pairings/00000000-0000-0000-0000-000000000001/stories", SignedIn),
        ("PUT", "/api/v1/stories/{storyId:guid}/", "/api/v1/stories/00000000-0000-0000-0000-000000000001", SignedIn),
        ("POST", "/api/v1/stories/{storyId:guid}/consent", "/api/v1/stories/00000000-0000-0000-0000-000000000001/consent", SignedIn),
        ("POST", "/api/v1/stories/{storyId:guid}/withdraw", "/api/v1/stories/00000000-0000-0000-0000-000000000001/withdraw", SignedIn),
        ("POST", "/api/v1/stories/{storyId:guid}/approve", "/api/v1/stories/00000000-0000-0000-0000-000000000001/approve", Roles.ProgramManager),
        ("POST", "/api/v1/stories/{storyId:guid}/reject", "/api/v1/stories/00000000-0000-0000-0000-000000000001/reject", Roles.ProgramManager),
        ("GET", "/api/v1/programs/{programId:guid}/showcase", "/api/v1/programs/00000000-0000-0000-0000-000000000001/showcase", SignedIn),
        ("GET", "/Celebration/Pairing", "/Celebration/Pairing?pairingId=00000000-0000-0000-0000-000000000001", SignedIn),
        ("GET", "/Celebration/Certificate", "/Celebration/Certificate?pairingId=00000000-0000-0000-0000-000000000001", SignedIn),
        ("GET", "/Celebration/Showcase", "/Celebration/Showcase?programId=00000000-0000-0000-0000-000000000001", SignedIn),
        ("POST", "/Celebration/Pairing?handler=Kudos", "/Celebration/Pairing?pairingId=00000000-0000-0000-0000-000000000001&handler=Kudos", SignedIn),
        ("POST", "/Celebration/Pairing?handler=Write", "/Celebration/Pairing?pairingId=00000000-0000-0000-0000-000000000001&handler=Write", SignedIn),
        ("POST", "/Celebration/Pairing?handler=Edit", "/Celebration/Pairing?pairingId=00000000-0000-0000-0000-000000000001&storyId=00000000-0000-0000-0000-000000000001&handler=Edit", SignedIn),
        ("POST", "/Celebration/Pairing?handler=Consent", "/Celebration/Pairing?pairingId=00000000-0000-0000-0000-000000000001&storyId=00000000-0000-0000-0000-000000000001&handler=Consent", SignedIn),
        ("POST", "/Celebration/Pairing?handler=Withdraw", "/Celebration/Pairing?pairingId=00000000-0000-0000-0000-000000000001&storyId=00000000-0000-0000-0000-000000000001&handler=Withdraw", SignedIn),
        ("POST", "/Celebration/Showcase?handler=Approve", "/Celebration/Showcase?programId=00000000-0000-0000-0000-000000000001&storyId=00000000-0000-0000-0000-000000000001&handler=Approve", Roles.ProgramManager),
        ("POST", "/Celebration/Showcase?handler=Reject", "/Celebration/Showcase?programId=00000000-0000-0000-0000-000000000001&storyId=00000000-0000-0000-0000-000000000001&handler=Reject", Roles.ProgramManager),
        ("POST", "/Insights/Pairing", "/Insights/Pairing?pairingId=00000000-0000-0000-0000-000000000001", SignedIn),
        ("POST", "/Insights/Program?handler=Respond", "/Insights/Program?programId=00000000-0000-0000-0000-000000000001&handler=Respond", SignedIn),
        // Surveys and pulses (issue 12): respondents' own surveys and pulses; program staff's timelines, aggregates, flags and questions.
        ("GET", "/api/v1/surveys/mine", "/api/v1/surveys/mine", SignedIn),
        ("GET", "/api/v1/surveys/{surveyId:guid}", "/api/v1/surveys/00000000-0000-0000-0000-000000000001", SignedIn),
        ("POST", "/api/v1/surveys/{surveyId:guid}/response", "/api/v1/surveys/00000000-0000-0000-0000-000000000001/response", SignedIn),
        ("GET", "/api/v1/meetings/{meetingId:guid}/pulse", "/api/v1/meetings/00000000-0000-0000-0000-000000000001/pulse", SignedIn),
        ("POST", "/api/v1/meetings/{meetingId:guid}/pulse", "/api/v1/meetings/00000000-0000-0000-0000-000000000001/pulse", SignedIn),
        ("GET", "/api/v1/cohorts/{cohortId:guid}/surveys", "/api/v1/cohorts/00000000-0000-0000-0000-000000000001/surveys", Roles.ProgramManager),
        ("POST", "/api/v1/cohorts/{cohortId:guid}/surveys", "/api/v1/cohorts/00000000-0000-0000-0000-000000000001/surveys", Roles.ProgramManager),
        ("POST", "/api/v1/surveys/{surveyId:guid}/close", "/api/v1/surveys/00000000-0000-0000-0000-000000000001/close", Roles.ProgramManager),
        ("PUT", "/api/v1/surveys/{surveyId:guid}/closes-on", "/api/v1/surveys/00000000-0000-0000-0000-000000000001/closes-on", Roles.ProgramManager),
        ("GET", "/api/v1/surveys/{surveyId:guid}/results", "/api/v1/surveys/00000000-0000-0000-0000-000000000001/results", Reporting),
        ("GET", "/api/v1/surveys/{surveyId:guid}/results.csv", "/api/v1/surveys/00000000-0000-0000-0000-000000000001/results.csv", Reporting),
        ("GET", "/api/v1/programs/{id:guid}/flags", "/api/v1/programs/00000000-0000-0000-0000-000000000001/flags", Roles.ProgramManager),
        ("POST", "/api/v1/flags/{flagId:guid}/resolve", "/api/v1/flags/00000000-0000-0000-0000-000000000001/resolve", Roles.ProgramManager),
        ("GET", "/api/v1/programs/{id:guid}/instruments/{kind}", "/api/v1/programs/00000000-0000-0000-0000-000000000001/instruments/Baseline", Roles.ProgramManager),
        ("PUT", "/api/v1/programs/{id:guid}/instruments/{kind}", "/api/v1/programs/00000000-0000-0000-0000-000000000001/instruments/Baseline", Roles.ProgramManager),
        ("DELETE", "/api/v1/programs/{id:guid}/instruments/{kind}", "/api/v1/programs/00000000-0000-0000-0000-000000000001/instruments/Baseline", Roles.ProgramManager),
        ("GET", "/Surveys", "/Surveys", SignedIn),
        ("GET", "/Surveys/Index", "/Surveys/Index", SignedIn),
        ("GET", "/Surveys/Answer", "/Surveys/Answer?surveyId=00000000-0000-0000-0000-000000000001", SignedIn),
        ("POST", "/Surveys/Answer", "/Surveys/Answer?surveyId=00000000-0000-0000-0000-000000000001", SignedIn),
        ("GET", "/Surveys/Pulse", "/Surveys/Pulse?meetingId=00000000-0000-0000-0000-000000000001", SignedIn),
        ("POST", "/Surveys/Pulse", "/Surveys/Pulse?meetingId=00000000-0000-0000-0000-000000000001", SignedIn),
        ("GET", "/Surveys/Cohort", "/Surveys/Cohort?cohortId=00000000-0000-0000-0000-000000000001", Roles.ProgramManager),
        ("POST", "/Surveys/Cohort?handler=Open", "/Surveys/Cohort?cohortId=00000000-0000-0000-0000-000000000001&handler=Open", Roles.ProgramManager),
        ("POST", "/Surveys/Cohort?handler=Close", "/Surveys/Cohort?cohortId=00000000-0000-0000-0000-000000000001&surveyId=00000000-0000-0000-0000-000000000001&handler=Close", Roles.ProgramManager),
        ("POST", "/Surveys/Cohort?handler=CloseNow", "/Surveys/Cohort?cohortId=00000000-0000-0000-0000-000000000001&surveyId=00000000-0000-0000-0000-000000000001&handler=CloseNow", Roles.ProgramManager),
        ("POST", "/Surveys/Cohort?handler=Resolve", "/Surveys/Cohort?cohortId=00000000-0000-0000-0000-000000000001&flagId=00000000-0000-0000-0000-000000000001&handler=Resolve", Roles.ProgramManager),
        ("GET", "/Surveys/Results", "/Surveys/Results?surveyId=00000000-0000-0000-0000-000000000001", Reporting),
        ("GET", "/Surveys/Instrument", "/Surveys/Instrument?programId=00000000-0000-0000-0000-000000000001&kind=Baseline", Roles.ProgramManager),
        ("POST", "/Surveys/Instrument", "/Surveys/Instrument?programId=00000000-0000-0000-0000-000000000001&kind=Baseline", Roles.ProgramManager),
        ("POST", "/Surveys/Instrument?handler=Reset", "/Surveys/Instrument?programId=00000000-0000-0000-0000-000000000001&kind=Baseline&handler=Reset", Roles.ProgramManager),
        // Impact report (issue 12): read by managers and sponsors, measures recorded by managers.
        ("GET", "/api/v1/programs/{programId:guid}/impact", "/api/v1/programs/00000000-0000-0000-0000-000000000001/impact", Reporting),
        ("GET", "/api/v1/programs/{programId:guid}/impact.csv", "/api/v1/programs/00000000-0000-0000-0000-000000000001/impact.csv", Reporting),
        ("POST", "/api/v1/programs/{programId:guid}/measures/{measureId:guid}/values", "/api/v1/programs/00000000-0000-0000-0000-000000000001/measures/00000000-0000-0000-0000-000000000001/values", Roles.ProgramManager),
        ("GET", "/Impact/Report", "/Impact/Report?programId=00000000-0000-0000-0000-000000000001", Reporting),
        ("POST", "/Impact/Report?handler=Record", "/Impact/Report?programId=00000000-0000-0000-0000-000000000001&measureId=00000000-0000-0000-0000-000000000001&handler=Record", Roles.ProgramManager),
        // API tokens (issue 13): each person's own, made and revoked only when signed in.
        ("GET", "/ApiTokens", "/ApiTokens", SignedIn),
        ("GET", "/ApiTokens/Index", "/ApiTokens/Index", SignedIn),
        ("POST", "/ApiTokens/Index", "/ApiTokens/Index", SignedIn),
        ("POST", "/ApiTokens/Index?handler=Revoke", "/ApiTokens/Index?id=00000000-0000-0000-0000-000000000001&handler=Revoke", SignedIn),
        ("GET", "/api/v1/account/tokens/", "/api/v1/account/tokens", SignedIn),
        ("POST", "/api/v1/account/tokens/", "/api/v1/account/tokens", SignedIn),
        ("DELETE", "/api/v1/account/tokens/{id:guid}", "/api/v1/account/tokens/00000000-0000-0000-0000-000000000001", SignedIn),
        // Slack and Teams announcements (issue 13): the program's managers.
        ("GET", "/Chat/Program", "/Chat/Program?programId=00000000-0000-0000-0000-000000000001", Roles.ProgramManager),
        ("POST", "/Chat/Program", "/Chat/Program?programId=00000000-0000-0000-0000-000000000001", Roles.ProgramManager),
        ("GET", "/api/v1/programs/{programId:guid}/chat/", "/api/v1/programs/00000000-0000-0000-0000-000000000001/chat", Roles.ProgramManager),
        ("PUT", "/api/v1/programs/{programId:guid}/chat/", "/api/v1/programs/00000000-0000-0000-0000-000000000001/chat", Roles.ProgramManager),
    ];

    // Shared by the class's tests and emptied before each: the configuration is the same for all of them.
    private readonly FlipsideFactory _app = app;
    private readonly Dictionary<string, HttpClient> _as = [];
    private readonly Dictionary<string, string> _tokens = [];

    public async Task InitializeAsync()
    {
        await _app.ResetAsync();
        var admin = await Given.AnAdministrator(_app);
        _as[Roles.Administrator] = admin;
        foreach (var role in new[] { Roles.ProgramManager, Roles.Sponsor, Roles.Participant })
            _as[role] = await Given.AnAccount(_app, admin, $"{role.ToLowerInvariant()}@example.com", role);
        // Page posts carry a real antiforgery token, so a refusal is authorization's and never the token check's 400.
        foreach (var (role, client) in _as) _tokens[role] = await Forms.AntiforgeryToken(client, "/");
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
    public void EveryPageHandler_IsInTheMatrix()
    {
        var handlers = typeof(Program).Assembly.GetTypes()
            .Where(t => t.IsSubclassOf(typeof(PageModel)) && !t.IsAbstract)
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
                .Where(m => m.Name.StartsWith("OnPost", StringComparison.Ordinal))
                .Select(m => PagePattern(t, m.Name)))
            .Distinct().ToList();
        Assert.NotEmpty(handlers);
        var missing = handlers.Where(h => Matrix.All(m => !(m.Method == "POST" && string.Equals(m.Pattern, h, StringComparison.OrdinalIgnoreCase)))).ToList();
        Assert.True(missing.Count == 0, $"Add these page handlers to the authorization matrix: {string.Join(", ", missing)}");
    }

    [Fact]
    public async Task Anonymous_GetsNoFurtherThanSignIn()
    {
        foreach (var (method, _, path, audience) in Matrix.Where(m => m.Audience != Anyone))
        {
            var response = await _app.Browser().SendAsync(new HttpRequestMessage(new HttpMethod(method), path));
            var refused = IsApi(path)
                ? response.StatusCode == HttpStatusCode.Unauthorized
                : RedirectsTo(response, "/Account/SignIn");
            Assert.True(refused, $"{method} {path} ({audience}) gave {(int)response.StatusCode} to an anonymous visitor");
        }
    }

    [Theory]
    [InlineData(Roles.ProgramManager)]
    [InlineData(Roles.Sponsor)]
    [InlineData(Roles.Participant)]
    public async Task OtherRoles_AreRefusedAdministration(string role)
    {
        foreach (var entry in Matrix.Where(m => m.Audience == Roles.Administrator))
            await AssertRefused(role, entry);
    }

    [Theory]
    [InlineData(Roles.Sponsor)]
    [InlineData(Roles.Participant)]
    public async Task SponsorsAndParticipants_AreRefusedProgramStaffEndpoints(string role)
    {
        foreach (var entry in Matrix.Where(m => m.Audience == Roles.ProgramManager))
            await AssertRefused(role, entry);
    }

    [Fact]
    public async Task Participants_AreRefusedProgramAggregates()
    {
        foreach (var entry in Matrix.Where(m => m.Audience == Reporting))
            await AssertRefused(Roles.Participant, entry);
    }

    [Theory]
    [InlineData(Roles.Administrator, Roles.Administrator)]
    [InlineData(Roles.Administrator, Roles.ProgramManager)]
    [InlineData(Roles.ProgramManager, Roles.ProgramManager)]
    [InlineData(Roles.Administrator, SignedIn)]
    [InlineData(Roles.ProgramManager, SignedIn)]
    [InlineData(Roles.Sponsor, SignedIn)]
    [InlineData(Roles.Participant, SignedIn)]
    [InlineData(Roles.Administrator, Reporting)]
    [InlineData(Roles.ProgramManager, Reporting)]
    [InlineData(Roles.Sponsor, Reporting)]
    public async Task EachAudience_ReachesItsEndpoints_WithoutAServerError(string role, string audience)
    {
        // Signing out would end the client's session for the rest of the walk.
        foreach (var (method, _, path, _) in Matrix.Where(m => m.Audience == audience && !m.Pattern.Contains("sign-out", StringComparison.Ordinal)))
        {
            var response = await Send(role, method, path);
            var status = (int)response.StatusCode;
            var refused = response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden or HttpStatusCode.UnsupportedMediaType
                || RedirectsTo(response, "/Account/SignIn") || RedirectsTo(response, "/Account/AccessDenied");
            Assert.False(refused, $"{method} {path} gave {status} to a {role}");
            Assert.True(status < 500, $"{method} {path} gave {status} to a {role}: a server error is never a pass");
        }
    }

    [Fact]
    public async Task ScimEndpoints_RefuseEveryAccount_AndAdmitAScimToken()
    {
        var scim = Matrix.Where(m => m.Audience == ScimToken).ToList();
        foreach (var (method, _, path, _) in scim)
            foreach (var role in _as.Keys)
            {
                var response = await Send(role, method, path);
                Assert.True(response.StatusCode == HttpStatusCode.Unauthorized, $"{method} {path} gave {(int)response.StatusCode} to a {role}'s cookie");
            }
        var token = await Scim.ScimClient.MakeToken(_as[Roles.Administrator], "Authorization test");
        var idp = Scim.ScimClient.For(_app, token);
        foreach (var (method, _, path, _) in scim)
        {
            var response = await idp.SendAsync(new HttpRequestMessage(new HttpMethod(method), path)
            {
                Content = method == "GET" ? null : new StringContent("{}", System.Text.Encoding.UTF8, "application/scim+json"),
            });
            var status = (int)response.StatusCode;
            Assert.False(response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden, $"{method} {path} gave {status} to a SCIM token");
            Assert.True(status < 500, $"{method} {path} gave {status} to a SCIM token: a server error is never a pass");
        }
    }

    private async Task AssertRefused(string role, (string Method, string Pattern, string Path, string Audience) entry)
    {
        var response = await Send(role, entry.Method, entry.Path);
        var refused = IsApi(entry.Path) ? response.StatusCode == HttpStatusCode.Forbidden : RedirectsTo(response, "/Account/AccessDenied");
        Assert.True(refused, $"{entry.Method} {entry.Path} ({entry.Audience}) gave {(int)response.StatusCode} to a {role}");
    }

    /// <summary>APIs get a JSON body; pages get a form with the client's antiforgery token, as a browser sends them.</summary>
    private Task<HttpResponseMessage> Send(string role, string method, string path)
    {
        HttpContent content = IsApi(path) || method == "GET"
            // The import takes CSV; routing would answer a JSON body with 415 before authorization had its say.
            ? path.EndsWith("/import", StringComparison.Ordinal) ? new StringContent("", System.Text.Encoding.UTF8, "text/csv")
            : new StringContent("{}", System.Text.Encoding.UTF8, "application/json")
            : new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = _tokens[role] });
        return _as[role].SendAsync(new HttpRequestMessage(new HttpMethod(method), path) { Content = content });
    }

    private static bool IsApi(string path) => path.StartsWith("/api", StringComparison.Ordinal) || path.StartsWith("/scim", StringComparison.Ordinal);

    private static bool RedirectsTo(HttpResponseMessage response, string page) =>
        response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location!.OriginalString.Contains(page, StringComparison.Ordinal);

    /// <summary>Flipside.Features.Programs.ProgramModel's OnPostMoveAsync is "/Programs/Program?handler=Move".</summary>
    private static string PagePattern(Type page, string method)
    {
        var folder = page.Namespace!["Flipside.Features".Length..].Replace('.', '/');
        var handler = method["OnPost".Length..];
        if (handler.EndsWith("Async", StringComparison.Ordinal)) handler = handler[..^"Async".Length];
        var route = $"{folder}/{page.Name[..^"Model".Length]}";
        return handler.Length == 0 ? route : $"{route}?handler={handler}";
    }
}
