using Flipside.Data;
using Flipside.Domain;
using Flipside.Features.Home;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Flipside.Features;

public sealed class IndexModel(FlipsideDb db, TimeProvider clock) : PageModel
{
    public HomeSummary.AdminFigures? Admin { get; private set; }
    public HomeSummary.Participant? Me { get; private set; }
    public IReadOnlyList<Enrollment.MyEnrollments.Item> MyEnrollments { get; private set; } = [];
    public IReadOnlyList<Programs.ProgramQueries.ProgramRow> MyPrograms { get; private set; } = [];
    public string Name => User.Identity?.Name ?? "";

    public async Task OnGetAsync(CancellationToken ct)
    {
        if (User.IsInRole(Roles.Administrator)) Admin = await HomeSummary.ForAdministrator(db, clock.GetUtcNow(), ct);
        if (User.IsInRole(Roles.ProgramManager)) MyPrograms = await Programs.ProgramQueries.List(Programs.ProgramViewer.Of(User), db, ct);
        if (User.IsInRole(Roles.Participant))
        {
            if (await Enrollment.EnrollmentAccess.PersonOf(db, User, ct) is { } person)
            {
                Me = HomeSummary.Of(person);
                MyEnrollments = await Enrollment.MyEnrollments.List(person.Id, db, ct);
            }
        }
    }
}
