using Flipside.Data;
using Flipside.Domain;
using Flipside.Features.Shared;
using Flipside.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Flipside.Features.Surveys;

/// <summary>A cohort's surveys for program staff: timeline, response rates, opening one by hand, and the open flags on its pairings.</summary>
[Authorize(Policy = Policies.ProgramStaff)]
public sealed class CohortModel(Viewer viewer, FlipsideDb db, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid CohortId { get; set; }
    public CohortSurveys.View View { get; private set; } = null!;
    public IReadOnlyList<PairFlags.Row> Flags { get; private set; } = [];
    /// <summary>Set when the reader is nobody in the directory, so every flag is hidden from them (fail closed).</summary>
    public string? FlagsWithheld { get; private set; }

    public sealed class OpenInput
    {
        public SurveyKind? Kind { get; set; }
        public DateOnly? ClosesOn { get; set; }
    }

    [BindProperty] public OpenInput Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await Load(ct)) return NotFound();
        Input.ClosesOn = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime).AddDays(14);
        return Page();
    }

    private async Task<bool> Load(CancellationToken ct)
    {
        var view = await CohortSurveys.Handle(CohortId, viewer, db, clock, ct);
        if (!view.IsOk) return false;
        View = view.Value;
        Flags = (await PairFlags.Handle(View.ProgramId, CohortId, false, viewer, db, clock, ct)).Value;
        FlagsWithheld = await viewer.Person(ct) is null ? PairFlags.Withheld : null;
        return true;
    }

    private async Task<IActionResult> Again(CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        return await Load(ct) ? Page() : NotFound();
    }

    public Task<IActionResult> OnPostOpenAsync(CancellationToken ct) =>
        this.ApplyAndRedirect(OpenSurvey.Handle(new(CohortId, Input.Kind, Input.ClosesOn), viewer, db, clock, ct), "Survey opened.",
            () => RedirectToPage(new { CohortId }), () => Again(ct));

    public Task<IActionResult> OnPostCloseAsync(Guid surveyId, DateOnly? closesOn, int? version, CancellationToken ct) =>
        this.ApplyAndRedirect(OpenSurvey.ChangeClose(new(surveyId, closesOn, version), viewer, db, clock, ct), "Closing date changed.",
            () => RedirectToPage(new { CohortId }), () => Again(ct), field: "closesOn-" + surveyId);

    public const string CloseNowUnconfirmed = "Tick the box to confirm that answering ends now.";

    public async Task<IActionResult> OnPostCloseNowAsync(Guid surveyId, bool confirmed, CancellationToken ct)
    {
        if (confirmed)
            return await this.ApplyAndRedirect(CloseSurvey.Handle(surveyId, viewer, db, clock, ct), "Survey closed; its results are shown.",
                () => RedirectToPage(new { CohortId }), () => Again(ct), field: "closeNow-" + surveyId);
        ModelState.AddModelError("closeNow-" + surveyId, CloseNowUnconfirmed);
        return await Again(ct);
    }

    public Task<IActionResult> OnPostResolveAsync(Guid flagId, CancellationToken ct) =>
        this.ApplyAndRedirect(PairFlags.Resolve(flagId, viewer, db, clock, ct), "Flag resolved.", () => RedirectToPage(new { CohortId }), () => Again(ct));
}
