namespace Flipside.Domain;

/// <summary>
/// A group check-in for the mentors of a cohort, led by the program manager. Only when and who came is kept: what is
/// said there is not logged, so the entity has no field for it.
/// </summary>
public sealed class SupervisionCircle : IVersioned
{
    public static readonly IntRule MinutesRule = new(15, 240, "A circle lasts 15 to 240 minutes.");
    public const int VideoLinkMaxLength = 500;

    public Guid Id { get; private set; } = Guid.NewGuid();
    public Guid CohortId { get; private set; }
    public DateTimeOffset StartsAt { get; private set; }
    public int Minutes { get; private set; }
    /// <summary>The time zone it was scheduled in, so the manager's form shows it as entered.</summary>
    public string TimeZone { get; private set; } = "UTC";
    public string? VideoLink { get; private set; }
    public List<CircleAttendance> Attendance { get; private set; } = [];
    public int Version { get; set; }

    private SupervisionCircle() { }

    public SupervisionCircle(Guid cohortId) => CohortId = cohortId;

    public void Schedule(DateTimeOffset startsAt, string timeZone, int minutes, string? videoLink)
    {
        StartsAt = startsAt;
        TimeZone = timeZone;
        Minutes = MinutesRule.Guard(minutes);
        VideoLink = string.IsNullOrWhiteSpace(videoLink) ? null : videoLink.Trim();
    }

    /// <summary>Replaces who came; everyone not listed was absent.</summary>
    public void RecordAttendance(IEnumerable<Guid> attended)
    {
        var came = attended.ToHashSet();
        // Only the difference changes, so a mentor recorded twice is the same row, not a delete and an insert of one key.
        Attendance.RemoveAll(a => !came.Contains(a.EnrollmentId));
        Attendance.AddRange(came.Where(e => Attendance.All(a => a.EnrollmentId != e)).Select(e => new CircleAttendance(Id, e)));
    }
}

/// <summary>A mentor who came to a circle.</summary>
public sealed class CircleAttendance
{
    public Guid CircleId { get; private set; }
    public Guid EnrollmentId { get; private set; }

    private CircleAttendance() { }

    public CircleAttendance(Guid circleId, Guid enrollmentId)
    {
        CircleId = circleId;
        EnrollmentId = enrollmentId;
    }
}
