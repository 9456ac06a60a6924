using Flipside.Data;
using Flipside.Features.Shared;
using Flipside.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Flipside.Features.Surveys;

/// <summary>A survey's results for program staff: response rates and k-gated averages per scale; never a response.</summary>
[Authorize(Policy = Policies.ProgramStaff)]
public sealed class ResultsModel(Viewer viewer, FlipsideDb db) : PageModel
{
    public SurveyResults.View View { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid surveyId, CancellationToken ct)
    {
        var view = await SurveyResults.Handle(surveyId, viewer, db, ct);
        if (!view.IsOk) return NotFound();
        View = view.Value;
        return Page();
    }
}
