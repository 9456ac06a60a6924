using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Flipside.Data;
using Flipside.Features.Shared;
using Flipside.Infrastructure.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;

namespace Flipside.Features.Account;

public static class AccountApi
{
    /// <summary>Code: the 6-digit authenticator code or a recovery code, for an account with two-step sign-in on.</summary>
    public sealed record SignInRequest([Required] string Email, [Required] string Password, string? Code = null);
    public sealed record Me(string Id, string Email, string Name, IReadOnlyList<string> Roles);
    public sealed record AcceptInvitationRequest([Required] string Token, [Required] string Password);

    public const string CodeNeeded =
        "This account uses two-step sign-in. Send the 6-digit code from your authenticator app, or a recovery code, in the \"code\" field with your email and password.";

    public static RouteGroupBuilder MapAccountApi(this RouteGroupBuilder group)
    {
        group.MapPost("/sign-in", async Task<Results<NoContent, ProblemHttpResult>> (SignInRequest r, SignInManager<FlipsideUser> signIn) =>
        {
            var result = await SignInWithPassword.Handle(signIn, r.Email ?? "", r.Password ?? "", r.Code);
            if (result.Succeeded) return TypedResults.NoContent();
            // Only someone who knows the password learns that a code is needed; with a code sent, a wrong password and a
            // wrong code read alike, so the answer never confirms the password.
            if (result.RequiresTwoFactor)
                return TypedResults.Problem(CodeNeeded, statusCode: StatusCodes.Status401Unauthorized, title: "A sign-in code is needed.",
                    extensions: new Dictionary<string, object?> { ["codeRequired"] = true });
            return TypedResults.Problem(string.IsNullOrWhiteSpace(r.Code) ? SignInWithPassword.Failed : SignInWithCode.Failed,
                statusCode: StatusCodes.Status401Unauthorized);
        }).AllowAnonymous().DisableAntiforgery();

        // ?everywhere=true ends every browser session of the account, not only this one.
        group.MapPost("/sign-out", async (bool? everywhere, ClaimsPrincipal user, SignInManager<FlipsideUser> signIn, UserManager<FlipsideUser> users,
            FlipsideDb db, CancellationToken ct) =>
        {
            if (everywhere == true && user.FindFirstValue(ClaimTypes.NameIdentifier) is { } userId) await SignOutEverywhere.Handle(userId, users, db, ct);
            await signIn.SignOutAsync();
            return TypedResults.NoContent();
        }).RequireAuthorization();

        group.MapGet("/me", async Task<Results<Ok<Me>, UnauthorizedHttpResult>> (ClaimsPrincipal user, UserManager<FlipsideUser> users) =>
            await users.GetUserAsync(user) is { } u
                ? TypedResults.Ok(new Me(u.Id, u.Email!, u.DisplayName, [.. await users.GetRolesAsync(u)]))
                : TypedResults.Unauthorized()).RequireAuthorization();

        // A download, so the browser saves it as a file; AuditedRequests audits it with every other download.
        group.MapGet("/me/export", (Viewer viewer, FlipsideDb db, Infrastructure.Security.PairingSecrets secrets, TimeProvider clock, HttpResponse response, CancellationToken ct) =>
            ExportMyData.Handle(viewer, db, secrets, clock, ct).ToHttp(export =>
            {
                response.Headers.ContentDisposition = "attachment; filename=\"flipside-my-data.json\"";
                return TypedResults.Ok(export);
            })).RequireAuthorization().Produces<ExportMyData.Export>().ProducesRefusals();

        // A link that no longer works is gone (410), as with the line manager's approval link.
        group.MapPost("/invitations/accept", async (AcceptInvitationRequest r, FlipsideDb db, UserManager<FlipsideUser> users, TimeProvider clock,
            IServiceProvider services, CancellationToken ct) =>
        {
            var outcome = await Outcome.Of(AcceptInvitation.Handle(new(r.Token ?? "", r.Password ?? ""), db, users, clock, ct, services.GetService<SsoSettings>()));
            return outcome.Problem switch
            {
                null => TypedResults.NoContent(),
                { Refusal: Refusal.NotFound } gone => TypedResults.Problem(gone.Reason, statusCode: StatusCodes.Status410Gone),
                var problem => problem.ToHttp(),
            };
        }).AllowAnonymous().DisableAntiforgery().ProducesRefusals().ProducesProblem(StatusCodes.Status410Gone);
        return group;
    }
}
