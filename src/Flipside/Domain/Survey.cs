namespace Flipside.Domain;

/// <summary>When in a cohort's life a survey is asked: before matching, halfway, at the end.</summary>
public enum SurveyKind { Baseline, Midpoint, Final }

/// <summary>Who is asked a question: both sides, only the junior mentors, or only the leaders.</summary>
public enum QuestionAudience { Both, Mentor, Mentee }

/// <summary>
/// One question as it is asked. <see cref="Scale"/> groups items into what the impact report measures (e.g.
/// "Psychological safety"); reverse-scored items are flipped before they are averaged. A retrospective item asks
/// "looking back, where were you at the start?" about the item with the same <see cref="Key"/> (the then-test).
/// </summary>
public sealed class SurveyQuestion
{
    public const int TextMaxLength = 400;

    public string Key { get; set; } = "";
    public string Text { get; set; } = "";
    public string Scale { get; set; } = "";
    public int Min { get; set; } = 1;
    public int Max { get; set; } = 5;
    public bool Reversed { get; set; }
    public bool Retrospective { get; set; }
    /// <summary>A free-text comment, shown only in aggregate above the comment threshold.</summary>
    public bool FreeText { get; set; }
    public QuestionAudience Audience { get; set; } = QuestionAudience.Both;

    public bool IsFor(ParticipantRole role) => Audience == QuestionAudience.Both
        || Audience == QuestionAudience.Mentor && role == ParticipantRole.Mentor
        || Audience == QuestionAudience.Mentee && role == ParticipantRole.Mentee;

    /// <summary>The value as it counts towards its scale: reverse-scored items flipped within their range.</summary>
    public int Scored(int value) => Reversed ? Min + Max - value : value;
}

/// <summary>A program's own version of an instrument, edited from the built-in one; surveys copy it when they open.</summary>
public sealed class SurveyInstrument : IVersioned
{
    public Guid Id { get; private set; } = Guid.NewGuid();
    public Guid ProgramId { get; private set; }
    public SurveyKind Kind { get; private set; }
    public List<SurveyQuestion> Questions { get; set; } = [];
    public DateTimeOffset UpdatedAt { get; set; }
    public int Version { get; set; }

    private SurveyInstrument() { }

    public SurveyInstrument(Guid programId, SurveyKind kind, IEnumerable<SurveyQuestion> questions, DateTimeOffset now)
    {
        (ProgramId, Kind, UpdatedAt) = (programId, kind, now);
        Questions = [.. questions];
    }
}

/// <summary>
/// A survey of one cohort, open between two instants. Its questions and its anonymity threshold are fixed when it is
/// created, so nothing changes under the people answering it, and the threshold is shown to them.
/// </summary>
public sealed class Survey : IVersioned
{
    public Guid Id { get; private set; } = Guid.NewGuid();
    public Guid ProgramId { get; private set; }
    public Guid CohortId { get; private set; }
    public SurveyKind Kind { get; private set; }
    public string Title { get; private set; } = "";
    public DateTimeOffset OpensAt { get; private set; }
    public DateTimeOffset ClosesAt { get; private set; }
    /// <summary>k: no aggregate from fewer respondents. At least <see cref="Anonymity.MinimumThreshold"/>.</summary>
    public int Threshold { get; private set; }
    public List<SurveyQuestion> Questions { get; private set; } = [];
    public DateTimeOffset CreatedAt { get; private set; }
    public int Version { get; set; }

    private Survey() { }

    public Survey(Guid programId, Guid cohortId, SurveyKind kind, string title, DateTimeOffset opensAt, DateTimeOffset closesAt,
        int threshold, IEnumerable<SurveyQuestion> questions, DateTimeOffset now)
    {
        if (closesAt <= opensAt) throw new DomainException("A survey closes after it opens.");
        (ProgramId, CohortId, Kind, Title, OpensAt, ClosesAt, CreatedAt) = (programId, cohortId, kind, title, opensAt, closesAt, now);
        Threshold = Anonymity.ThresholdRule.Guard(threshold);
        Questions = [.. questions];
    }

    public bool IsOpen(DateTimeOffset now) => OpensAt <= now && now < ClosesAt;

    /// <summary>A manager moves the closing date: never before it opened, and a closed survey stays closed.</summary>
    public void CloseAt(DateTimeOffset closesAt, DateTimeOffset now)
    {
        if (ClosesAt <= now) throw new DomainException("This survey has closed; its answers are final.");
        if (closesAt <= OpensAt) throw new DomainException("A survey closes after it opens.");
        ClosesAt = closesAt;
    }

    /// <summary>A manager ends answering at once: only while the survey is open, so a closed survey's answers stay final.</summary>
    public void CloseNow(DateTimeOffset now)
    {
        if (now < OpensAt) throw new DomainException($"This survey has not opened yet (it opens on {OpensAt:d MMMM yyyy}), so there is nothing to close.");
        if (ClosesAt <= now) throw new DomainException($"This survey already closed on {ClosesAt:d MMMM yyyy}; its answers are final.");
        ClosesAt = now;
    }

    public void EnsureOpen(DateTimeOffset now)
    {
        if (now < OpensAt) throw new DomainException($"This survey opens on {OpensAt:d MMMM yyyy}.");
        if (now >= ClosesAt) throw new DomainException($"This survey closed on {ClosesAt:d MMMM yyyy}; answers are no longer taken.");
    }
}

/// <summary>
/// One person's answers to one survey. It names nobody: <see cref="Pseudonym"/> is a keyed hash of the person and the
/// program, held only by the app, which links a baseline to a final without saying whose they are. Role and cohort are
/// kept for breakdowns, which pass through <see cref="Anonymity"/>. No timestamp, so a response cannot be lined up
/// with the participation row that records who answered.
/// </summary>
public sealed class SurveyResponse
{
    public const int CommentMaxLength = 2000;

    public Guid Id { get; private set; } = Guid.NewGuid();
    public Guid SurveyId { get; private set; }
    public string Pseudonym { get; private set; } = "";
    public ParticipantRole Role { get; private set; }
    public List<SurveyAnswer> Answers { get; private set; } = [];
    public string? Comment { get; private set; }

    private SurveyResponse() { }

    public SurveyResponse(Guid surveyId, string pseudonym, ParticipantRole role, IEnumerable<SurveyAnswer> answers, string? comment)
    {
        (SurveyId, Pseudonym, Role) = (surveyId, pseudonym, role);
        Answers = [.. answers];
        Comment = string.IsNullOrWhiteSpace(comment) ? null : comment.Trim();
    }
}

/// <summary>One answer: the question's key and the value chosen within its range.</summary>
public sealed class SurveyAnswer
{
    public string Key { get; set; } = "";
    public int Value { get; set; }
}

/// <summary>
/// That an enrolment answered a survey, for response rates, reminders and refusing a second answer. It holds nothing
/// of the answers and no link to the response row.
/// </summary>
public sealed class SurveyParticipation
{
    public Guid SurveyId { get; private set; }
    public Guid EnrollmentId { get; private set; }
    public DateOnly AnsweredOn { get; private set; }

    private SurveyParticipation() { }

    public SurveyParticipation(Guid surveyId, Guid enrollmentId, DateOnly answeredOn) =>
        (SurveyId, EnrollmentId, AnsweredOn) = (surveyId, enrollmentId, answeredOn);
}

/// <summary>
/// The two-question pulse after a logged meeting: "the meeting was useful" (1–5) from both, and "I could speak openly"
/// (1–5) from the junior mentor only. Like a survey response it names nobody and no meeting: the month and cohort are
/// enough for averages, and <see cref="PulseGiven"/> records only that it was given.
/// </summary>
public sealed class PulseAnswer
{
    public static readonly IntRule ValueRule = new(1, 5, "Choose 1 to 5.");

    public Guid Id { get; private set; } = Guid.NewGuid();
    public Guid ProgramId { get; private set; }
    public Guid CohortId { get; private set; }
    public string Pseudonym { get; private set; } = "";
    public ParticipantRole Role { get; private set; }
    /// <summary>The first day of the month the meeting was in: coarse on purpose.</summary>
    public DateOnly Month { get; private set; }
    public int Useful { get; private set; }
    public int? SpokeOpenly { get; private set; }

    private PulseAnswer() { }

    public PulseAnswer(Guid programId, Guid cohortId, string pseudonym, ParticipantRole role, DateOnly month, int useful, int? spokeOpenly)
    {
        if (role == ParticipantRole.Mentee && spokeOpenly is not null)
            throw new DomainException("Only the mentor is asked whether they could speak openly.");
        (ProgramId, CohortId, Pseudonym, Role, Month) = (programId, cohortId, pseudonym, role, new DateOnly(month.Year, month.Month, 1));
        Useful = ValueRule.Guard(useful);
        SpokeOpenly = spokeOpenly is { } open ? ValueRule.Guard(open) : null;
    }
}

/// <summary>That one side of a meeting gave its pulse: once per meeting and role.</summary>
public sealed class PulseGiven
{
    public Guid MeetingId { get; private set; }
    public ParticipantRole Role { get; private set; }

    private PulseGiven() { }

    public PulseGiven(Guid meetingId, ParticipantRole role) => (MeetingId, Role) = (meetingId, role);
}

public enum PairFlagKind { SafetyConcern, LowPulse }

/// <summary>
/// A signal on a pairing for its program managers only — never the leader, a sponsor or anyone in the leader's line:
/// a junior who could not speak openly, or meetings felt not useful. It names the pairing and the week, not the
/// meeting or the answer that raised it.
/// </summary>
public sealed class PairFlag
{
    public const int ThresholdValue = 2;

    public Guid Id { get; private set; } = Guid.NewGuid();
    public Guid PairingId { get; private set; }
    public PairFlagKind Kind { get; private set; }
    /// <summary>The Monday of the week it was raised.</summary>
    public DateOnly RaisedWeekOf { get; private set; }
    public DateTimeOffset? ResolvedAt { get; private set; }
    public string? ResolvedBy { get; private set; }

    private PairFlag() { }

    public PairFlag(Guid pairingId, PairFlagKind kind, DateOnly raisedOn)
    {
        (PairingId, Kind) = (pairingId, kind);
        RaisedWeekOf = WeekOf(raisedOn);
    }

    /// <summary>The Monday of the day's week.</summary>
    public static DateOnly WeekOf(DateOnly day) => day.AddDays(-(((int)day.DayOfWeek + 6) % 7));

    public void Resolve(string by, DateTimeOffset now)
    {
        if (ResolvedAt is not null) throw new DomainException("This flag is already resolved.");
        (ResolvedAt, ResolvedBy) = (now, by);
    }
}
