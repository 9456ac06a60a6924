using Flipside.Data;
using Flipside.Domain;
using Flipside.Features.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Flipside.Features.ApiTokens;

/// <summary>
/// A signed-in person's API tokens: made here, shown once (the page answers the post itself rather than redirecting,
/// so the secret never rides in a cookie or a URL), and revoked here.
/// </summary>
public sealed class IndexModel(Viewer viewer, FlipsideDb db, TimeProvider clock) : PageModel
{
    public sealed class TokenInput
    {
        public string? Name { get; set; }
        public List<ApiScope> Scopes { get; set; } = [];
        public int ExpiresInDays { get; set; } = 90;
    }

    [BindProperty] public TokenInput Input { get; set; } = new();
    public IReadOnlyList<ListApiTokens.Row> Tokens { get; private set; } = [];
    public CreateApiToken.Created? Made { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await Load(ct);

    public Task<IActionResult> OnPostAsync(CancellationToken ct) =>
        this.Apply(CreateApiToken.Handle(new(Input.Name, Input.Scopes, Input.ExpiresInDays), viewer, db, clock, ct), async made =>
        {
            Made = made;
            Input = new();
            return await Load(ct);
        }, () => Load(ct));

    public Task<IActionResult> OnPostRevokeAsync(Guid id, CancellationToken ct) =>
        this.ApplyAndRedirect(RevokeApiToken.Handle(id, viewer, db, clock, ct), "The token is revoked: it stops working now.",
            () => RedirectToPage(), () => Load(ct));

    private async Task<IActionResult> Load(CancellationToken ct)
    {
        var outcome = await ListApiTokens.Handle(viewer, db, clock, ct);
        if (!outcome.IsOk) return Forbid();
        Tokens = outcome.Value;
        return Page();
    }
}
