using Flipside.Data;
using Flipside.Features.Shared;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Flipside.Features.Admin;

public sealed class UsersModel(FlipsideDb db, Viewer viewer, UserManager<FlipsideUser> users, TimeProvider clock) : PageModel
{
    public IReadOnlyList<ChangeAccount.AccountRow> Accounts { get; private set; } = [];
    public string Me => viewer.UserId;

    public async Task OnGetAsync(CancellationToken ct) => Accounts = await ListAccounts.Handle(db, ct);

    public Task<IActionResult> OnPostRolesAsync(string id, string[] roles, CancellationToken ct) =>
        Change(ChangeAccount.SetRoles(id, roles, viewer, users, db, clock), "Roles saved.", ct);

    public Task<IActionResult> OnPostActiveAsync(string id, bool? active, CancellationToken ct) => active is { } yes
        ? Change(ChangeAccount.SetActive(id, yes, viewer, users, db, clock), yes ? "Account reactivated." : "Account deactivated; their sessions end within a minute.", ct)
        : Change(Task.FromResult<Outcome<Done>>(Outcome.Invalid("", "Say whether to deactivate or reactivate the account.")), "", ct);

    private Task<IActionResult> Change(Task<Outcome<Done>> change, string done, CancellationToken ct) =>
        this.ApplyAndRedirect(change, done, () => RedirectToPage(), async () =>
        {
            Accounts = await ListAccounts.Handle(db, ct);
            return Page();
        }, field: "");
}
