using System.Security.Claims;
using Flipside.Data;
using Flipside.Domain;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Flipside.Features.Admin;

public sealed class UsersModel(FlipsideDb db, UserManager<FlipsideUser> users) : PageModel
{
    public IReadOnlyList<ChangeAccount.AccountRow> Accounts { get; private set; } = [];
    public string Me => User.FindFirstValue(ClaimTypes.NameIdentifier)!;

    public async Task OnGetAsync(CancellationToken ct) => Accounts = await ListAccounts.Handle(db, ct);

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
            Accounts = await ListAccounts.Handle(db, ct);
            return Page();
        }
    }
}
