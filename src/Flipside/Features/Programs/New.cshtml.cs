using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Flipside.Features.Programs;

/// <summary>Choosing a starting point; nothing is saved until the program form is.</summary>
public sealed class NewModel : PageModel
{
    public IReadOnlyList<ProgramTemplates.Template> Templates => ProgramTemplates.All;
}
