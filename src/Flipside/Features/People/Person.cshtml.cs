using Flipside.Data;
using Flipside.Features.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Flipside.Features.People;

public sealed class PersonModel(FlipsideDb db, Viewer viewer) : PageModel
{
    public ViewPerson.Details Person { get; private set; } = null!;
    public bool ShowBirthYear => viewer.IsAdministrator;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (await ViewPerson.Handle(id, viewer, db, ct) is not { } person) return NotFound();
        Person = person;
        return Page();
    }
}
