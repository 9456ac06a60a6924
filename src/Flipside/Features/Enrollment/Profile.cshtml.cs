using Flipside.Data;
using Flipside.Domain;
using Flipside.Features.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Flipside.Features.Enrollment;

/// <summary>The matching profile form; availability is entered as up to two time ranges per day in the person's own time zone.</summary>
public sealed class ProfileModel(FlipsideDb db, Viewer viewer, TimeProvider clock) : PageModel
{
    public const int TopicRows = 8;
    public static readonly string[] DayNames = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];
    /// <summary>Communication styles 1 to 5 in words (index 0 unused).</summary>
    public static readonly string[] StyleNames = ["", "Casual and digital (chat, quick calls)", "Mostly casual", "A mix", "Mostly structured", "Structured and formal (agenda, notes)"];

    public Domain.Enrollment Enrollment { get; private set; } = null!;
    [BindProperty] public InputModel Input { get; set; } = new();

    public sealed class InputModel
    {
        public List<SaveProfile.TopicInput> Topics { get; set; } = [];
        // Nullable, so that an empty box is not an implicit [Required]: interests are optional, and a draft saves whatever is there.
        public string? Interests { get; set; }
        public int CommunicationStyle { get; set; } = 3;
        public MeetingMode MeetingMode { get; set; }
        public List<DayRanges> Days { get; set; } = [];
        public string? Languages { get; set; }
        public string? HopeToGive { get; set; }
        public string? HopeToGet { get; set; }
    }

    public sealed class DayRanges
    {
        public int? From1 { get; set; }
        public int? To1 { get; set; }
        public int? From2 { get; set; }
        public int? To2 { get; set; }
    }

    public bool IsMentor => Enrollment.Role == ParticipantRole.Mentor;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (await EnrollmentAccess.OwnEnrollment(viewer, id, ct) is not { } e) return NotFound();
        Enrollment = e;
        var view = ProfileView.Of(e);
        Input = new InputModel
        {
            Topics = [.. view.Topics],
            Interests = string.Join(", ", view.Interests),
            CommunicationStyle = view.CommunicationStyle,
            MeetingMode = view.MeetingMode,
            Days = ToRanges(view.Availability),
            Languages = string.Join(", ", view.Languages),
            HopeToGive = view.HopeToGive,
            HopeToGet = view.HopeToGet,
        };
        Pad();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, bool finish, CancellationToken ct)
    {
        if (await EnrollmentAccess.OwnEnrollment(viewer, id, ct) is not { } e) return NotFound();
        Enrollment = e;
        // The form always posts eight topic rows; the blank ones are padding, not missing names.
        foreach (var key in ModelState.Keys.Where(k => k.StartsWith("Input.Topics[", StringComparison.Ordinal)).ToList()) ModelState.Remove(key);
        var request = new SaveProfile.Request(Input.Topics.Where(t => !string.IsNullOrWhiteSpace(t.Name)).ToList(), Split(Input.Interests), Input.CommunicationStyle,
            Input.MeetingMode, ToHours(Input.Days), Split(Input.Languages), Input.HopeToGive, Input.HopeToGet, finish);
        // The form's own checks and the use case's run together, so the first submit names every field that needs an answer.
        var formProblems = RangeProblems(Input.Days).Select(p => new FieldError("Availability", p)).ToList();
        if (formProblems.Count > 0 || !ModelState.IsValid)
        {
            SaveProfile.Problems(e.Role, request, formProblems).AddTo(ModelState);
            Pad();
            return Page();
        }
        return await this.Apply(SaveProfile.Handle(id, request, viewer, db, clock, ct), _ =>
        {
            TempData["Status"] = finish ? "Your profile is complete. Thank you — it is what matching uses to find your pair." : "Draft saved.";
            return finish ? RedirectToPage("/Enrollment/Mine") : RedirectToPage(new { id });
        }, () =>
        {
            Pad();
            return Task.FromResult<IActionResult>(Page());
        });
    }

    private void Pad()
    {
        while (Input.Topics.Count < TopicRows) Input.Topics.Add(new SaveProfile.TopicInput("", IsMentor ? 3 : 2));
        while (Input.Days.Count < DayNames.Length) Input.Days.Add(new DayRanges());
    }

    private static List<string> Split(string? text) => [.. (text ?? "").Split([',', ';', '\n'], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)];

    /// <summary>A range with one end missing or ending before it starts would otherwise be dropped without a word.</summary>
    public static IEnumerable<string> RangeProblems(IReadOnlyList<DayRanges> days)
    {
        for (var d = 0; d < Math.Min(days.Count, DayNames.Length); d++)
            foreach (var (from, to) in new[] { (days[d].From1, days[d].To1), (days[d].From2, days[d].To2) })
            {
                if (from is null != to is null)
                    yield return $"{DayNames[d]}: choose both when a time range starts and when it ends.";
                else if (from is { } f && to is { } t && (f >= t || f < 0 || t > 24))
                    yield return $"{DayNames[d]}: the range {f:00}:00 to {t:00}:00 must end after it starts, within the day.";
            }
    }

    public static List<int> ToHours(IReadOnlyList<DayRanges> days)
    {
        var hours = new List<int>();
        for (var d = 0; d < Math.Min(days.Count, DayNames.Length); d++)
            foreach (var (from, to) in new[] { (days[d].From1, days[d].To1), (days[d].From2, days[d].To2) })
                if (from is { } f && to is { } t && f < t)
                    hours.AddRange(Enumerable.Range(d * 24 + Math.Clamp(f, 0, 24), Math.Clamp(t, 0, 24) - Math.Clamp(f, 0, 24)));
        return hours;
    }

    /// <summary>Turns hours of the week back into at most two ranges per day (later ranges merge into the second).</summary>
    public static List<DayRanges> ToRanges(IReadOnlyList<int> hours)
    {
        var set = hours.ToHashSet();
        var days = new List<DayRanges>();
        for (var d = 0; d < DayNames.Length; d++)
        {
            var ranges = new List<(int From, int To)>();
            for (var h = 0; h < 24; h++)
            {
                if (!set.Contains(d * 24 + h)) continue;
                if (ranges.Count > 0 && ranges[^1].To == h) ranges[^1] = (ranges[^1].From, h + 1);
                else ranges.Add((h, h + 1));
            }
            var day = new DayRanges();
            if (ranges.Count > 0) (day.From1, day.To1) = ranges[0];
            if (ranges.Count > 1) (day.From2, day.To2) = (ranges[1].From, ranges[^1].To);
            days.Add(day);
        }
        return days;
    }
}
