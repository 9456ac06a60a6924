using System.ComponentModel.DataAnnotations;
using Flipside.Data;
using Flipside.Domain;
using Flipside.Features.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Flipside.Features.Admin;

public sealed class InviteModel(FlipsideDb db, Viewer viewer, PublicUrl url, TimeProvider clock) : PageModel
{
    [BindProperty] public InputModel Input { get; set; } = new();
    public IReadOnlyList<Invitation> Recent { get; private set; } = [];
    public DateTimeOffset Now { get; private set; }

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Enter the person's email address.")]
        public string Email { get; set; } = "";
        [Required(ErrorMessage = "Enter the person's name.")]
        public string Name { get; set; } = "";
        public string Role { get; set; } = Roles.Participant;
    }

    public async Task OnGetAsync(CancellationToken ct) => await LoadRecent(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct) => ModelState.IsValid
        ? await this.ApplyAndRedirect(InvitePerson.Handle(new(Input.Email, Input.Name, Input.Role), viewer, url.Base, db, clock, ct),
            $"Invitation sent to {Input.Email.Trim()}. The link works once, for 7 days.", () => RedirectToPage(), () => ShowAgain(ct))
        : await ShowAgain(ct);

    private async Task<IActionResult> ShowAgain(CancellationToken ct)
    {
        await LoadRecent(ct);
        return Page();
    }

    private async Task LoadRecent(CancellationToken ct)
    {
        Now = clock.GetUtcNow();
        Recent = await db.Invitations.OrderByDescending(i => i.CreatedAt).Take(20).ToListAsync(ct);
    }
}
