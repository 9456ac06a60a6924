using Flipside.Data;
using Flipside.Features.Audit;
using Flipside.Features.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Flipside.Features.Admin;

/// <summary>The audit log, filtered as the API filters it, 50 entries a page, with the same filter's CSV export.</summary>
public sealed class AuditModel(FlipsideDb db, Viewer viewer) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Actor { get; set; }
    [BindProperty(SupportsGet = true, Name = "action")] public string? ActionName { get; set; }
    [BindProperty(SupportsGet = true)] public string? RecordType { get; set; }
    [BindProperty(SupportsGet = true)] public string? From { get; set; }
    [BindProperty(SupportsGet = true)] public string? To { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public string? PageText { get; set; }

    public ListAuditLog.Page Entries { get; private set; } = new([], 1, false);

    public Task<IActionResult> OnGetAsync(CancellationToken ct) =>
        this.Apply(ListAuditLog.Handle(new(Actor, ActionName, RecordType, From, To, PageText), viewer, db, ct), page =>
        {
            Entries = page;
            return Page();
        }, () => Task.FromResult<IActionResult>(Page()), prefix: "");

    /// <summary>The address of this filter at another page, or as CSV: empty filters are left out.</summary>
    /// <remarks>Pages take the page number as <c>p</c>: Razor Pages keeps <c>page</c> for the page's own route.</remarks>
    public string Link(string path, int? page = null)
    {
        var query = new Dictionary<string, string?>
        {
            ["actor"] = Actor, ["action"] = ActionName, ["recordType"] = RecordType, ["from"] = From, ["to"] = To,
            ["p"] = page?.ToString(System.Globalization.CultureInfo.InvariantCulture),
        }.Where(p => !string.IsNullOrWhiteSpace(p.Value));
        return Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString(path, query);
    }
}
