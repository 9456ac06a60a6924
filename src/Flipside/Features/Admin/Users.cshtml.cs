using Flipside.Data;
using Flipside.Features.Account;
using Flipside.Features.Shared;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Flipside.Features.Admin;

public sealed class UsersModel(FlipsideDb db, Viewer viewer, UserManager<FlipsideUser> users, TimeProvider clock) : PageModel
{
    public IReadOnlyList<ChangeAccount.AccountRow> Accounts { get; private set; } = [];
    public string Me => viewer.UserId;

    public async Task OnGetAsync(CancellationToken ct) => Accounts = await List(db, ct);

    public Task<IActionResult> OnPostRolesAsync(string id, string[] roles, CancellationToken ct) =>
        Change(ChangeAccount.SetRoles(id, roles, viewer, users, db, clock), "Roles saved.", ct);

    public Task<IActionResult> OnPostActiveAsync(string id, bool? active, CancellationToken ct) => active is { } yes
        ? Change(ChangeAccount.SetActive(id, yes, viewer, users, db, clock), yes ? "Account reactivated." : "Account deactivated; their sessions end within a minute.", ct)
        : Change(Task.FromResult<Outcome<Done>>(Outcome.Invalid("", "Say whether to deactivate or reactivate the account.")), "", ct);

    private Task<IActionResult> Change(Task<Outcome<Done>> change, string done, CancellationToken ct) =>
        this.ApplyAndRedirect(change, done, () => RedirectToPage(), async () =>
        {
            Accounts = await List(db, ct);
            return Page();
        }, field: "");

    public static async Task<IReadOnlyList<ChangeAccount.AccountRow>> List(FlipsideDb db, CancellationToken ct)
    {
        var roleNames = await db.Roles.ToDictionaryAsync(r => r.Id, r => r.Name!, ct);
        var userRoles = (await db.UserRoles.ToListAsync(ct)).ToLookup(ur => ur.UserId, ur => roleNames[ur.RoleId]);
        var accounts = await db.Users.OrderBy(u => u.DisplayName).Select(u => new { u.Id, u.Email, u.DisplayName, u.IsActive }).ToListAsync(ct);
        return [.. accounts.Select(u => new ChangeAccount.AccountRow(u.Id, u.Email!, u.DisplayName, u.IsActive, [.. userRoles[u.Id].Order()]))];
    }
}
