using Flipside.Data;
using Flipside.Features.Shared;
using Flipside.Infrastructure.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Flipside.Features.Surveys;

/// <summary>One survey for its respondent: the questions for their role, or, once answered, their own answers.</summary>
public sealed class AnswerModel(Viewer viewer, FlipsideDb db, Pseudonyms pseudonyms, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid SurveyId { get; set; }
    public ViewSurvey.View Survey { get; private set; } = null!;

    [BindProperty] public Dictionary<string, int?> Answers { get; set; } = [];
    [BindProperty] public string? Comment { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await Load(ct) ? Page() : NotFound();

    private async Task<bool> Load(CancellationToken ct)
    {
        var view = await ViewSurvey.Handle(SurveyId, viewer, db, pseudonyms, clock, ct);
        if (!view.IsOk) return false;
        Survey = view.Value;
        return true;
    }

    public Task<IActionResult> OnPostAsync(CancellationToken ct) =>
        this.Apply(AnswerSurvey.Handle(new(SurveyId, Answers, Comment), viewer, db, pseudonyms, clock, ct), _ =>
        {
            TempData["Status"] = "Thank you: your answers are saved under a code, not your name.";
            return RedirectToPage(new { SurveyId });
        }, async () => await Load(ct) ? Page() : NotFound(), prefix: "");
}
