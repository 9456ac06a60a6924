using System.Globalization;
using Flipside.Data;
using Flipside.Domain;
using Flipside.Features.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Flipside.Features.People;

/// <summary>An administrator corrects one person between imports, with the import's checks (<see cref="ChangePerson"/>).</summary>
public sealed class EditModel(FlipsideDb db, Viewer viewer, TimeProvider clock) : PageModel
{
    [BindProperty] public InputModel Input { get; set; } = new();
    public string PersonName { get; private set; } = "";

    /// <summary>Every field as the import file writes it, so the form's values meet the same checks and messages.</summary>
    public sealed class InputModel
    {
        public string EmployeeId { get; set; } = "";
        public string Name { get; set; } = "";
        public string Email { get; set; } = "";
        public string Grade { get; set; } = "";
        public string Department { get; set; } = "";
        public string TimeZone { get; set; } = "";
        public string Title { get; set; } = "";
        public string Location { get; set; } = "";
        public string ManagerId { get; set; } = "";
        public string HireDate { get; set; } = "";
        public string BirthYear { get; set; } = "";
        public string Languages { get; set; } = "";
        public string Status { get; set; } = "active";
        public int Version { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (!viewer.IsAdministrator) return Forbid();
        if (await db.People.AsNoTracking().SingleOrDefaultAsync(p => p.Id == id, ct) is not { } p) return NotFound();
        PersonName = p.Name;
        Input = new()
        {
            EmployeeId = p.EmployeeId, Name = p.Name, Email = p.Email, Grade = p.Grade.ToString(CultureInfo.InvariantCulture), Department = p.Department,
            TimeZone = p.TimeZone, Title = p.Title, Location = p.Location, ManagerId = p.ManagerEmployeeId ?? "",
            HireDate = p.HireDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "", BirthYear = p.BirthYear?.ToString(CultureInfo.InvariantCulture) ?? "",
            Languages = p.Languages.Replace(",", ", ", StringComparison.Ordinal), Status = PersonStatusText.Slug(p.Status), Version = p.Version,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        if (!viewer.IsAdministrator) return Forbid();
        var i = Input;
        var request = new ChangePerson.Request(id, i.EmployeeId ?? "", i.Name ?? "", i.Email ?? "", i.Grade ?? "", i.Department ?? "", i.TimeZone ?? "",
            i.Title ?? "", i.Location ?? "", i.ManagerId ?? "", i.HireDate ?? "", i.BirthYear ?? "", i.Languages ?? "", i.Status ?? "", i.Version);
        return await this.Apply(ChangePerson.Handle(request, viewer, db, clock, ct), result =>
        {
            TempData["Status"] = result.Summary;
            return RedirectToPage("Person", new { id });
        }, async () =>
        {
            PersonName = await db.People.Where(p => p.Id == id).Select(p => p.Name).SingleOrDefaultAsync(ct) ?? "";
            return Page();
        });
    }

    public static IReadOnlyList<(string Value, string Text)> Statuses { get; } =
        [.. new[] { PersonStatus.Active, PersonStatus.OnLeave, PersonStatus.Left }.Select(s => (PersonStatusText.Slug(s), PersonStatusText.Describe(s)))];
}
