using Flipside.Data;
using Flipside.Domain;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Flipside.Features.People;

public sealed class PersonModel(FlipsideDb db) : PageModel
{
    public ViewPerson.Details Person { get; private set; } = null!;
    public bool ShowBirthYear => User.IsInRole(Roles.Administrator);

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (await ViewPerson.Handle(id, ShowBirthYear, db, ct) is not { } person) return NotFound();
        Person = person;
        return Page();
    }
}
