using System.Security.Claims;
using Flipside.Data;
using Flipside.Domain;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Flipside.Features.Admin;

public sealed class UsersModel(FlipsideDb db, UserManager<FlipsideUser> users) : PageModel
{
    public IReadOnlyList<ChangeAccount.AccountRow> Accounts { get; private set; } = [];
    public string Me => User.FindFirstValue(ClaimTypes.NameIdentifier)!;

    public async Task OnGetAsync(CancellationToken ct) => Accounts = await List(db, ct);

    public async Task<IActionResult> OnPostRolesAsync(string id, string[] roles, CancellationToken ct) =>
        await Try(() => ChangeAccount.SetRoles(id, roles, Me, users), "Roles saved.", ct);

    public async Task<IActionResult> OnPostActiveAsync(string id, bool active, CancellationToken ct) =>
        await Try(() => ChangeAccount.SetActive(id, active, Me, users), active ? "Account reactivated." : "Account deactivated; their sessions end within a minute.", ct);

    private async Task<IActionResult> Try(Func<Task> change, string done, CancellationToken ct)
    {
        try
        {
            await change();
            TempData["Status"] = done;
            return RedirectToPage();
        }
        catch (Exception e) when (e is DomainException or KeyNotFoundException)
        {
            ModelState.AddModelError("", e.Message);
            Accounts = await List(db, ct);
            return Page();
        }
    }

    public static async Task<IReadOnlyList<ChangeAccount.AccountRow>> List(FlipsideDb db, CancellationToken ct)
    {
        var roleNames = await db.Roles.ToDictionaryAsync(r => r.Id, r => r.Name!, ct);
        var userRoles = (await db.UserRoles.ToListAsync(ct)).ToLookup(ur => ur.UserId, ur => roleNames[ur.RoleId]);
        var accounts = await db.Users.OrderBy(u => u.DisplayName).Select(u => new { u.Id, u.Email, u.DisplayName, u.IsActive }).ToListAsync(ct);
        return [.. accounts.Select(u => new ChangeAccount.AccountRow(u.Id, u.Email!, u.DisplayName, u.IsActive, [.. userRoles[u.Id].Order()]))];
    }
}
