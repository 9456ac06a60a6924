using Flipside.Data;
using Flipside.Features.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Flipside.Features.Training;

/// <summary>A program manager edits a module of the program, or writes a new one (no key), with a preview of how it will read.</summary>
public sealed class EditModel(Viewer viewer, FlipsideDb db, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid ProgramId { get; set; }
    [BindProperty(SupportsGet = true)] public string? Key { get; set; }
    [BindProperty] public ModuleInput Input { get; set; } = new();
    public string ProgramName { get; private set; } = "";
    public string? PreviewHtml { get; private set; }

    public sealed class ModuleInput
    {
        public string? Title { get; set; }
        public string? Body { get; set; }
        public string? Questions { get; set; }
        public int? Version { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await Load(ct) is { } notFound) return notFound;
        if (Key is not null)
        {
            var module = (await TrainingCatalogue.ForProgram(ProgramId, db, ct)).FirstOrDefault(m => m.Key == Key);
            if (module is null) return NotFound();
            Input = new() { Title = module.Title, Body = module.Body, Questions = module.Questions, Version = module.Version };
        }
        return Page();
    }

    /// <summary>Renders the text as participants will read it, without saving; the form keeps what was typed.</summary>
    public async Task<IActionResult> OnPostPreviewAsync(CancellationToken ct)
    {
        if (await Load(ct) is { } notFound) return notFound;
        SaveModule.Validate(ModuleRequest).AddTo(ModelState);
        PreviewHtml = TrainingMarkdown.ToHtml(Input.Body ?? "");
        return Page();
    }

    public Task<IActionResult> OnPostAsync(CancellationToken ct) =>
        this.ApplyAndRedirect(SaveModule.Handle(ModuleRequest, viewer, db, clock, ct), "The module is saved.",
            () => RedirectToPage("/Training/Program", new { Id = ProgramId }), async () => await Load(ct) ?? Page());

    private SaveModule.Request ModuleRequest => new(ProgramId, Key, Input.Title, Input.Body, Input.Questions, Input.Version);

    private async Task<IActionResult?> Load(CancellationToken ct)
    {
        var outcome = await TrainingRequirements.Get(ProgramId, viewer, db, ct);
        if (!outcome.IsOk) return NotFound();
        ProgramName = outcome.Value.ProgramName;
        return null;
    }
}
