using Flipside.Data;
using Flipside.Domain;
using Flipside.Features.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace Flipside.Features.Enrollment;

/// <summary>A program manager's view of one cohort: invite, decide applications, remind, see readiness.</summary>
public sealed class RosterModel(FlipsideDb db, Viewer viewer, PublicUrl url, TimeProvider clock, IMemoryCache cache) : PageModel
{
    public Cohort Cohort { get; private set; } = null!;
    public IReadOnlyList<CohortRoster.Row> Rows { get; private set; } = [];
    public CohortRoster.Readiness Readiness { get; private set; } = new(0, 0, 0, 0);
    public InviteToCohort.Result? LastInvite { get; private set; }
    public IReadOnlyList<Pairings.KeepInReportingLine.Flagged> InsideReportingLines { get; private set; } = [];
    /// <summary>From matching on: pairs published and running (active or paused), and enrolled people in none of them.</summary>
    public int RunningPairs { get; private set; }
    public int Unpaired { get; private set; }
    /// <summary>Past matching, or once pairs are published, "ready to match?" is answered: the roster shows the pairs instead.</summary>
    public bool ShowsPairs => Cohort.Status > CohortStatus.Matching || RunningPairs > 0;
    /// <summary>The directory's departments and locations, offered as on the People page so a filter never misspells one.</summary>
    public People.SearchPeople.FilterChoices Choices { get; private set; } = new([], []);

    [BindProperty] public ParticipantRole InviteRole { get; set; } = ParticipantRole.Mentor;
    [BindProperty] public string? EmployeeIds { get; set; }
    [BindProperty] public IFormFile? EmployeeIdsFile { get; set; }
    [BindProperty] public InviteToCohort.Filter Filter { get; set; } = new(null, null, null, null);

    public async Task<IActionResult> OnGetAsync(Guid cohortId, CancellationToken ct) => await Load(cohortId, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostInviteAsync(Guid cohortId, bool byFilter, CancellationToken ct)
    {
        if (!await Load(cohortId, ct)) return NotFound();
        var ids = byFilter ? null : await ReadIds();
        if (!byFilter && ids!.Count == 0)
        {
            ModelState.AddModelError(nameof(EmployeeIds), "Enter employee ids (one per line or separated by commas) or upload a CSV file of them.");
            return Page();
        }
        var request = new InviteToCohort.Request(InviteRole, ids, byFilter ? Filter : null);
        return await this.Apply(InviteToCohort.Handle(cohortId, request, viewer, url.Base, db, clock, ct), async result =>
        {
            LastInvite = result;
            await Load(cohortId, ct);
            return Page();
        }, () => Task.FromResult<IActionResult>(Page()), prefix: "");
    }

    public Task<IActionResult> OnPostRemindAsync(Guid cohortId, CancellationToken ct) =>
        this.Apply(SendProfileReminders.Handle(cohortId, viewer, url.Base, db, clock, ct), sent =>
        {
            TempData["Status"] = sent == 0 ? "Nobody needed a reminder (each person gets at most one a day)." : $"Reminder sent to {Words.Count(sent, "person")}.";
            return RedirectToPage(new { cohortId });
        }, () => Show(cohortId, ct));

    /// <summary>A missing answer is refused, never read as "decline"; a refused decision shows as an error, not in green.</summary>
    public Task<IActionResult> OnPostDecideAsync(Guid cohortId, Guid enrollmentId, bool? accept, CancellationToken ct) =>
        this.Apply(accept is { } yes
                ? AnswerInvitation.DecideApplication(enrollmentId, cohortId, yes, viewer, url.Base, db, clock, ct)
                : Task.FromResult<Outcome<string>>(Outcome.Invalid("", "Choose whether to take the volunteer in or decline.")),
            name =>
            {
                TempData["Status"] = accept == true ? $"{name} is in." : $"{name}'s application was declined.";
                return RedirectToPage(new { cohortId });
            }, () => Show(cohortId, ct), field: "");

    private async Task<IActionResult> Show(Guid cohortId, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        return await Load(cohortId, ct) ? Page() : NotFound();
    }

    private async Task<bool> Load(Guid cohortId, CancellationToken ct)
    {
        if (await EnrollmentAccess.ManagedCohort(viewer, cohortId, ct) is not { } cohort) return false;
        Cohort = cohort;
        Rows = await CohortRoster.List(cohortId, db, ct);
        Readiness = CohortRoster.ReadinessOf(Rows);
        InsideReportingLines = await Pairings.KeepInReportingLine.Waiting(cohortId, viewer, db, ct);
        if (cohort.TakesEnrollments) Choices = await People.SearchPeople.Choices(db, ct, cache, clock);
        if (cohort.Status >= CohortStatus.Matching)
        {
            var running = await db.Pairings.Where(p => p.CohortId == cohortId && Pairing.Running.Contains(p.Status))
                .Select(p => new { p.MentorEnrollmentId, p.MenteeEnrollmentId }).ToListAsync(ct);
            var paired = running.SelectMany(p => new[] { p.MentorEnrollmentId, p.MenteeEnrollmentId }).ToHashSet();
            RunningPairs = running.Count;
            Unpaired = Rows.Count(r => r.Status == EnrollmentStatus.Enrolled && !paired.Contains(r.EnrollmentId));
        }
        return true;
    }

    /// <summary>Employee ids from the text box and from an uploaded file: the first column of each line, headers skipped.</summary>
    private async Task<List<string>> ReadIds()
    {
        var text = EmployeeIds ?? "";
        if (EmployeeIdsFile is { Length: > 0 and < 1_000_000 })
        {
            using var reader = new StreamReader(EmployeeIdsFile.OpenReadStream());
            text += "\n" + string.Join("\n", (await reader.ReadToEndAsync()).Split('\n').Select(l => l.Split([',', ';'])[0]));
        }
        return [.. text.Split(['\n', '\r', ',', ';', ' ', '\t'], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select(id => id.Trim('"', '\uFEFF'))
            .Where(id => id.Length > 0 && !id.Equals("employee_id", StringComparison.OrdinalIgnoreCase))];
    }
}
