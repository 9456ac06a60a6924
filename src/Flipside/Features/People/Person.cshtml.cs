using Flipside.Data;
using Flipside.Domain;
using Flipside.Features.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Flipside.Features.People;

public sealed class PersonModel(FlipsideDb db, Viewer viewer, TimeProvider clock, Infrastructure.Security.Pseudonyms pseudonyms) : PageModel
{
    public ViewPerson.Details Person { get; private set; } = null!;
    public bool ShowBirthYear => viewer.IsAdministrator;
    /// <summary>Editing one person is an administrator's, as marking them left is.</summary>
    public bool CanEdit => viewer.IsAdministrator;
    /// <summary>Marking someone left reaches every program they are in, so it is offered to administrators only (decision 0008).</summary>
    public bool CanMarkLeft => viewer.IsAdministrator && Person.Status != PersonStatusText.Slug(PersonStatus.Left);

    /// <summary>Erasure reaches everything that names the person, so it is an administrator's (docs/decisions/0027-erasure.md).</summary>
    public bool CanErase => viewer.IsAdministrator && !Person.Erased;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await Load(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostLeaveAsync(Guid id, bool confirmed, CancellationToken ct)
    {
        if (!viewer.IsAdministrator) return Forbid();
        if (!confirmed)
        {
            ModelState.AddModelError("", "Tick the box to confirm that this person has left.");
            return await Load(id, ct) ? Page() : NotFound();
        }
        return await this.Apply(MarkPersonLeft.Handle(id, viewer, db, clock, ct), result =>
        {
            TempData["Status"] = result.Summary;
            return RedirectToPage(new { id });
        }, async () => await Load(id, ct) ? Page() : NotFound(), field: "");
    }

    public async Task<IActionResult> OnPostEraseAsync(Guid id, bool confirmed, CancellationToken ct)
    {
        if (!viewer.IsAdministrator) return Forbid();
        if (!confirmed)
        {
            ModelState.AddModelError("", "Tick the box to confirm that this person's data is to be erased.");
            return await Load(id, ct) ? Page() : NotFound();
        }
        return await this.Apply(Privacy.ErasePerson.Handle(id, viewer, db, pseudonyms, clock, ct), result =>
        {
            TempData["Status"] = result.Summary;
            return RedirectToPage(new { id });
        }, async () => await Load(id, ct) ? Page() : NotFound(), field: "");
    }

    private async Task<bool> Load(Guid id, CancellationToken ct)
    {
        if (await ViewPerson.Handle(id, viewer, db, ct) is not { } person) return false;
        Person = person;
        return true;
    }
}
