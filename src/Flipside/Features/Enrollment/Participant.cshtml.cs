using Flipside.Features.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Flipside.Features.Enrollment;

/// <summary>
/// A participant's enrolment and matching profile as the program's managers read it, from the roster: read-only, and
/// not found for anyone outside the programs the viewer manages. The profile page tells participants that managers see it.
/// </summary>
public sealed class ParticipantModel(Viewer viewer) : PageModel
{
    public Domain.Enrollment Enrollment { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (await EnrollmentAccess.ManagedEnrollmentWithProfile(viewer, id, ct) is not { } e) return NotFound();
        Enrollment = e;
        return Page();
    }

    /// <summary>"09:00–12:00, 14:00–15:00" for each day with free hours, in the person's own time zone.</summary>
    public static IEnumerable<(string Day, string Ranges)> Week(IReadOnlyList<int> hours)
    {
        var set = hours.ToHashSet();
        for (var d = 0; d < ProfileModel.DayNames.Length; d++)
        {
            var ranges = new List<string>();
            for (var h = 0; h < 24; h++)
            {
                if (!set.Contains(d * 24 + h) || (h > 0 && set.Contains(d * 24 + h - 1))) continue;
                var end = h;
                while (end < 24 && set.Contains(d * 24 + end)) end++;
                ranges.Add($"{h:00}:00–{end:00}:00");
            }
            if (ranges.Count > 0) yield return (ProfileModel.DayNames[d], string.Join(", ", ranges));
        }
    }
}
