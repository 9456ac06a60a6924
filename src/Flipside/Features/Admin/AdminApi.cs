using Flipside.Data;
using Flipside.Features.Shared;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Flipside.Features.Admin;

public static class AdminApi
{
    public sealed record InviteRequest(string? Email, string? Name, string? Role);
    public sealed record RolesRequest(string[]? Roles);

    public static RouteGroupBuilder MapAdminApi(this RouteGroupBuilder group)
    {
        group.MapGet("/users", (FlipsideDb db, CancellationToken ct) => ListAccounts.Handle(db, ct));

        group.MapPut("/users/{id}/roles", (string id, RolesRequest r, Viewer viewer, UserManager<FlipsideUser> users, FlipsideDb db, TimeProvider clock) =>
            ChangeAccount.SetRoles(id, r.Roles ?? [], viewer, users, db, clock).ToHttp()).ProducesRefusals();

        group.MapPost("/users/{id}/deactivate", (string id, Viewer viewer, UserManager<FlipsideUser> users, FlipsideDb db, TimeProvider clock) =>
            ChangeAccount.SetActive(id, false, viewer, users, db, clock).ToHttp()).ProducesRefusals();
        group.MapPost("/users/{id}/reactivate", (string id, Viewer viewer, UserManager<FlipsideUser> users, FlipsideDb db, TimeProvider clock) =>
            ChangeAccount.SetActive(id, true, viewer, users, db, clock).ToHttp()).ProducesRefusals();

        group.MapPost("/invitations", (InviteRequest r, Viewer viewer, PublicUrl url, FlipsideDb db, TimeProvider clock, CancellationToken ct) =>
            InvitePerson.Handle(new(r.Email ?? "", r.Name ?? "", r.Role ?? ""), viewer, url.Base, db, clock, ct)
                .ToHttp(invited => TypedResults.Created($"/api/v1/admin/invitations/{invited.Id}", invited)))
            .Produces<InvitePerson.Invited>(StatusCodes.Status201Created).ProducesRefusals();

        group.MapGet("/outbox", async (FlipsideDb db, int? page, CancellationToken ct) =>
            await ListOutbox.Query(db).Skip((Math.Max(1, page ?? 1) - 1) * ListOutbox.PageSize).Take(ListOutbox.PageSize).ToListAsync(ct));

        group.MapPost("/outbox/{id:guid}/send-again", (Guid id, Viewer viewer, FlipsideDb db, TimeProvider clock, CancellationToken ct) =>
            SendOutboxMessageAgain.Handle(id, viewer, db, clock, ct).ToHttp()).ProducesRefusals();

        return group;
    }
}
