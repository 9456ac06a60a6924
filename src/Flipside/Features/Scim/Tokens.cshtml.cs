using Flipside.Data;
using Flipside.Features.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Flipside.Features.Scim;

public sealed class TokensModel(FlipsideDb db, Viewer viewer, TimeProvider clock) : PageModel
{
    [BindProperty] public string? Name { get; set; }
    public IReadOnlyList<ScimTokens.Row> Tokens { get; private set; } = [];
    /// <summary>Shown on the page that made it and nowhere else; never put in TempData, which a cookie carries.</summary>
    public ScimTokens.Made? Made { get; private set; }
    public string ScimUrl => $"{Request.Scheme}://{Request.Host}{Request.PathBase}{ScimApi.Root}";

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await Show(ct);

    public async Task<IActionResult> OnPostMakeAsync(CancellationToken ct) =>
        await this.Apply(ScimTokens.Make(Name ?? "", viewer, db, clock, ct), async made =>
        {
            Made = made;
            Name = "";
            ModelState.Clear();
            return await Show(ct);
        }, () => Show(ct), prefix: "");

    public async Task<IActionResult> OnPostRevokeAsync(Guid id, CancellationToken ct) =>
        await this.ApplyAndRedirect(ScimTokens.Revoke(id, viewer, db, clock, ct), "The token is revoked: the identity provider using it is refused from now on.",
            () => RedirectToPage(), () => Show(ct));

    private async Task<IActionResult> Show(CancellationToken ct)
    {
        var tokens = await ScimTokens.List(viewer, db, ct);
        if (!tokens.IsOk) return Forbid();
        Tokens = tokens.Value;
        return Page();
    }
}
