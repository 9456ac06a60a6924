using Flipside.Data;
using Flipside.Features.Goals;
using Flipside.Features.Shared;
using Flipside.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Flipside.Features.Agreements;

/// <summary>
/// Program staff's view of a cohort's agreements and goals: per pairing, signed by both or not and when, guidelines
/// acknowledged, and goal counts and progress. Never a section's, goal's or update's text.
/// </summary>
[Authorize(Policy = Policies.ProgramStaff)]
public sealed class CohortModel(Viewer viewer, FlipsideDb db) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid CohortId { get; set; }
    public string Title { get; private set; } = "";
    public Guid ProgramId { get; private set; }
    public IReadOnlyList<AgreementStatus.Row> Agreements { get; private set; } = [];
    public IReadOnlyDictionary<Guid, GoalSummary.Row> Goals { get; private set; } = new Dictionary<Guid, GoalSummary.Row>();

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var cohort = await viewer.ManagedCohorts.Where(c => c.Id == CohortId).Select(c => new { c.Name, c.ProgramId, Program = c.Program.Name }).FirstOrDefaultAsync(ct);
        var agreements = await AgreementStatus.OfCohort(CohortId, viewer, db, ct);
        var goals = await GoalSummary.OfCohort(CohortId, viewer, db, ct);
        if (cohort is null || !agreements.IsOk || !goals.IsOk) return NotFound();
        (Title, ProgramId) = ($"{cohort.Program} · {cohort.Name}", cohort.ProgramId);
        Agreements = agreements.Value;
        Goals = goals.Value.ToDictionary(g => g.PairingId);
        return Page();
    }
}
