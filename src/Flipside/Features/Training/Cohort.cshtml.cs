using Flipside.Data;
using Flipside.Domain;
using Flipside.Features.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Flipside.Features.Training;

/// <summary>A cohort's training, for its managers: who has not finished (with a reminder), and the mentors' supervision circles.</summary>
public sealed class CohortModel(Viewer viewer, FlipsideDb db, TimeProvider clock, PublicUrl url) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid CohortId { get; set; }
    [BindProperty] public CircleInput Input { get; set; } = new();
    public CohortTraining.Status Status { get; private set; } = null!;
    public CohortCircles.View Circles { get; private set; } = null!;
    public DateTimeOffset Now { get; private set; }

    public sealed class CircleInput
    {
        public DateOnly? Date { get; set; }
        public TimeOnly? Time { get; set; }
        public string? TimeZone { get; set; }
        public int? Minutes { get; set; } = 60;
        public string? VideoLink { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await Load(ct) ?? Page();

    public Task<IActionResult> OnPostRemindAsync(CancellationToken ct) =>
        this.Apply(RemindTraining.Handle(CohortId, viewer, url.Base, db, clock, ct), sent =>
        {
            TempData["Status"] = $"{Words.Count(sent.Emails, "reminder")} sent.";
            return RedirectToPage(new { CohortId });
        }, ShowAgain(ct));

    public Task<IActionResult> OnPostScheduleAsync(CancellationToken ct) =>
        this.ApplyAndRedirect(ScheduleCircle.Handle(new(CohortId, null, Input.Date, Input.Time, Input.TimeZone, Input.Minutes, Input.VideoLink, null), viewer, db, clock, ct),
            "The circle is scheduled.", () => RedirectToPage(new { CohortId }), ShowAgain(ct));

    public Task<IActionResult> OnPostCancelAsync(Guid circleId, CancellationToken ct) =>
        this.ApplyAndRedirect(CancelCircle.Handle(circleId, viewer, db, clock, ct), "The circle is cancelled.", () => RedirectToPage(new { CohortId }), ShowAgain(ct));

    public Task<IActionResult> OnPostAttendanceAsync(Guid circleId, List<Guid> attended, CancellationToken ct) =>
        this.ApplyAndRedirect(RecordAttendance.Handle(new(circleId, attended), viewer, db, clock, ct), "Attendance is recorded.",
            () => RedirectToPage(new { CohortId }), ShowAgain(ct));

    private Func<Task<IActionResult>> ShowAgain(CancellationToken ct) => async () =>
    {
        db.ChangeTracker.Clear();
        return await Load(ct) ?? Page();
    };

    private async Task<IActionResult?> Load(CancellationToken ct)
    {
        var status = await CohortTraining.Handle(CohortId, viewer, db, ct);
        var circles = await CohortCircles.Handle(CohortId, viewer, db, ct);
        if (!status.IsOk || !circles.IsOk) return NotFound();
        (Status, Circles, Now) = (status.Value, circles.Value, clock.GetUtcNow());
        Input.TimeZone ??= Circles.ViewerTimeZone;
        return null;
    }
}
