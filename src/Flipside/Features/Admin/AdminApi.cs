using System.Security.Claims;
using Flipside.Data;
using Flipside.Features.Shared;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Flipside.Features.Admin;

public static class AdminApi
{
    public sealed record InviteRequest(string? Email, string? Name, string? Role);
    public sealed record Invited(Guid Id, DateTimeOffset ExpiresAt);
    public sealed record RolesRequest(string[]? Roles);

    public static RouteGroupBuilder MapAdminApi(this RouteGroupBuilder group)
    {
        group.MapGet("/users", (FlipsideDb db, CancellationToken ct) => ListAccounts.Handle(db, ct));

        group.MapPut("/users/{id}/roles", async Task<Results<NoContent, NotFound>> (string id, RolesRequest r, ClaimsPrincipal me, UserManager<FlipsideUser> users) =>
        {
            if (await users.FindByIdAsync(id) is null) return TypedResults.NotFound();
            await ChangeAccount.SetRoles(id, r.Roles ?? [], Id(me), users);
            return TypedResults.NoContent();
        });

        group.MapPost("/users/{id}/deactivate", (string id, ClaimsPrincipal me, UserManager<FlipsideUser> users) => SetActive(id, false, me, users));
        group.MapPost("/users/{id}/reactivate", (string id, ClaimsPrincipal me, UserManager<FlipsideUser> users) => SetActive(id, true, me, users));

        group.MapPost("/invitations", async Task<Results<Created<Invited>, ValidationProblem>> (
            InviteRequest r, ClaimsPrincipal me, HttpRequest http, IConfiguration config, FlipsideDb db, TimeProvider clock, CancellationToken ct) =>
        {
            var result = await InvitePerson.Handle(new(r.Email ?? "", r.Name ?? "", r.Role ?? ""), Id(me), PublicUrl.Of(http, config), db, clock, ct);
            return result.Errors.Count > 0
                ? TypedResults.ValidationProblem(result.Errors.ToDictionary())
                : TypedResults.Created($"/api/v1/admin/invitations/{result.InvitationId}", new Invited(result.InvitationId!.Value, result.ExpiresAt!.Value));
        });

        group.MapGet("/outbox", async (FlipsideDb db, int? page, CancellationToken ct) =>
            await ListOutbox.Query(db).Skip((Math.Max(1, page ?? 1) - 1) * ListOutbox.PageSize).Take(ListOutbox.PageSize).ToListAsync(ct));

        group.MapPost("/outbox/{id:guid}/send-again", async Task<Results<NoContent, NotFound>> (Guid id, FlipsideDb db, TimeProvider clock, CancellationToken ct) =>
            await SendOutboxMessageAgain.Handle(id, db, clock, ct) == SendOutboxMessageAgain.Result.Queued ? TypedResults.NoContent() : TypedResults.NotFound());

        return group;
    }

    private static async Task<Results<NoContent, NotFound>> SetActive(string id, bool active, ClaimsPrincipal me, UserManager<FlipsideUser> users)
    {
        if (await users.FindByIdAsync(id) is null) return TypedResults.NotFound();
        await ChangeAccount.SetActive(id, active, Id(me), users);
        return TypedResults.NoContent();
    }

    private static string Id(ClaimsPrincipal me) => me.FindFirstValue(ClaimTypes.NameIdentifier)!;
}
