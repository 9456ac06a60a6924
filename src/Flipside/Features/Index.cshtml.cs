using Flipside.Data;
using Flipside.Features.Home;
using Flipside.Features.Programs;
using Flipside.Features.Shared;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Caching.Memory;

namespace Flipside.Features;

public sealed class IndexModel(FlipsideDb db, Viewer viewer, TimeProvider clock, IMemoryCache cache) : PageModel
{
    public HomeSummary.AdminFigures? Admin { get; private set; }
    public HomeSummary.Participant? Me { get; private set; }
    public IReadOnlyList<Enrollment.MyEnrollments.Item> MyEnrollments { get; private set; } = [];
    public IReadOnlyList<ProgramQueries.ProgramRow> MyPrograms { get; private set; } = [];
    public IReadOnlyList<ProgramSponsors.SponsoredProgram> Sponsored { get; private set; } = [];
    public Viewer Viewer => viewer;
    public string Name => User.Identity?.Name ?? "";

    public async Task OnGetAsync(CancellationToken ct)
    {
        if (viewer.IsAdministrator) Admin = await HomeSummary.ForAdministrator(db, clock, cache, ct);
        if (viewer.IsProgramStaff) MyPrograms = await ProgramQueries.List(viewer, ct);
        if (viewer.IsSponsor) Sponsored = await ProgramSponsors.Of(viewer, ct);
        if (viewer.IsInRole(Domain.Roles.Participant) && await viewer.Person(ct) is { } person)
        {
            Me = HomeSummary.Of(person);
            MyEnrollments = await Enrollment.MyEnrollments.List(person.Id, db, ct);
        }
    }
}
