namespace Flipside.Domain;

/// <summary>
/// Where a measure's current value comes from: a manager records it over time (the default), or the app computes it
/// from the final survey's scale or from its own counts (meetings held, ideas raised and adopted).
/// </summary>
public enum MeasureSource { Manual, SurveyScale, MeetingsHeld, IdeasRaised, IdeasAdopted }

/// <summary>One recorded value of a manually tracked measure, e.g. 48 % of leaders using the tool weekly on 1 March.</summary>
public sealed class MeasureValue
{
    public const int NoteMaxLength = 500;
    /// <summary>Well inside the column's precision on both databases, as for a measure's baseline and target.</summary>
    public const decimal Limit = 1_000_000_000m;
    public static readonly DateOnly Earliest = PlausibleDates.Earliest;

    public Guid Id { get; private set; } = Guid.NewGuid();
    public Guid MeasureId { get; private set; }
    public DateOnly MeasuredOn { get; private set; }
    public decimal Value { get; private set; }
    public string Note { get; private set; } = "";
    public string RecordedBy { get; private set; } = "";
    public DateTimeOffset RecordedAt { get; private set; }

    private MeasureValue() { }

    public MeasureValue(Guid measureId, DateOnly measuredOn, decimal value, string note, string recordedBy, DateTimeOffset now)
    {
        if (measuredOn < Earliest || measuredOn > DateOnly.FromDateTime(now.UtcDateTime).AddDays(1))
            throw new DomainException("A value is recorded for a day between 2000 and today.");
        if (Math.Abs(value) > Limit) throw new DomainException("Enter a smaller number.");
        note = note.Trim();
        if (note.Length > NoteMaxLength) throw new DomainException($"Keep the note to {NoteMaxLength} characters.");
        (MeasureId, MeasuredOn, Value, Note, RecordedBy, RecordedAt) = (measureId, measuredOn, value, note, recordedBy, now);
    }
}
