using Flipside.Data;
using Flipside.Features.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Flipside.Features.Surveys;

/// <summary>A survey's results for program staff and sponsors: response rates and k-gated averages per scale; never a response.</summary>
public sealed class ResultsModel(Viewer viewer, FlipsideDb db, TimeProvider clock) : PageModel
{
    public SurveyResults.View View { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid surveyId, CancellationToken ct)
    {
        var view = await SurveyResults.Handle(surveyId, viewer, db, clock, ct);
        if (!view.IsOk) return view.Problem!.Refusal == Refusal.Forbidden ? Forbid() : NotFound();
        View = view.Value;
        return Page();
    }
}
