namespace Flipside.Domain;

public enum ProgramStatus { Active, Archived }

/// <summary>
/// How a program's pairs are made: the program manager runs matching and decides (the default), leaders choose from
/// suggested mentors who accept or decline, or both sides rank their suggestions and a stable matching decides.
/// </summary>
public enum MatchingMode { Managed, SelfMatching, RankedChoice }

/// <summary>
/// One reverse-mentoring initiative: why it exists (objectives and their measures), what it is about
/// (focus areas), how pairs meet (cadence, duration) and who may take part (eligibility rules).
/// </summary>
public sealed class MentoringProgram : IVersioned
{
    // The program's limits, each with the sentence that explains it: the form, the API and the entity's own
    // setters check the same numbers.
    public static readonly IntRule CadenceRule = new(1, 12, "Meet every 1 to 12 weeks.");
    public static readonly IntRule MinutesRule = new(15, 240, "A meeting lasts 15 to 240 minutes.");
    public static readonly IntRule DurationRule = new(1, 24, "A program runs 1 to 24 months.");
    public static readonly IntRule CapacityRule = new(1, 10, "A mentor takes 1 to 10 leaders.");
    public const int DefaultCadenceWeeks = 4;
    public const int DefaultMinutesPerMeeting = 60;
    public const int DefaultDurationMonths = 6;
    public const int DefaultCapacity = 1;
    public static readonly IntRule AnswerDaysRule = new(1, 30, "A mentor answers a request within 1 to 30 days.");
    public static readonly IntRule RankingDaysRule = new(1, 60, "Rankings stay open 1 to 60 days.");
    public const int DefaultAnswerDays = 7;
    public const int DefaultRankingDays = 7;
    public const string DefaultMentorLabel = "mentor";
    public const string DefaultMenteeLabel = "leader";

    /// <summary>"Manages the program", as SQL and in memory: one expression used both ways.</summary>
    public static System.Linq.Expressions.Expression<Func<MentoringProgram, bool>> ManagedBy(string userId) =>
        p => p.Managers.Any(m => m.UserId == userId);

    public Guid Id { get; private set; } = Guid.NewGuid();
    public string Name { get; set; } = "";
    public string Purpose { get; set; } = "";
    public ProgramStatus Status { get; private set; } = ProgramStatus.Active;
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? ArchivedAt { get; private set; }
    public List<string> FocusAreas { get; set; } = [];
    /// <summary>A meeting every this many weeks; 4 reads as "monthly".</summary>
    public int CadenceWeeks { get; set => field = CadenceRule.Guard(value); } = DefaultCadenceWeeks;
    public int MinutesPerMeeting { get; set => field = MinutesRule.Guard(value); } = DefaultMinutesPerMeeting;
    public int DurationMonths { get; set => field = DurationRule.Guard(value); } = DefaultDurationMonths;
    public int DefaultMentorCapacity { get; set => field = CapacityRule.Guard(value); } = DefaultCapacity;
    /// <summary>What this program calls the junior guide, e.g. "reverse mentor".</summary>
    public string MentorLabel { get; set; } = DefaultMentorLabel;
    /// <summary>What this program calls the senior learner, e.g. "leader".</summary>
    public string MenteeLabel { get; set; } = DefaultMenteeLabel;
    public EligibilityRules Eligibility { get; set; } = new();
    /// <summary>Who writes first once a pairing is published; the leader by default, so the junior never has to reach up.</summary>
    public ParticipantRole FirstContactBy { get; set; } = ParticipantRole.Mentee;
    /// <summary>Whether matching may pair two people who were paired in an earlier cohort of the program.</summary>
    public bool AllowRepeatPairings { get; set; }
    public MatchingMode MatchingMode { get; set; } = MatchingMode.Managed;
    /// <summary>Self-matching: the days a mentor has to answer a leader's request before it expires.</summary>
    public int AnswerDays { get; set => field = AnswerDaysRule.Guard(value); } = DefaultAnswerDays;
    /// <summary>Ranked choice: the days after a cohort moves to matching during which both sides rank their suggestions.</summary>
    public int RankingDays { get; set => field = RankingDaysRule.Guard(value); } = DefaultRankingDays;
    /// <summary>Nudges every participant gets whatever their own settings say, because the program depends on them.</summary>
    public List<NudgeKind> RequiredNudges { get; set; } = [];
    /// <summary>The language of the reminders and nudges its participants get (<see cref="ProgramLanguages"/>).</summary>
    public string Language
    {
        get;
        set => field = ProgramLanguages.IsKnown(value) ? value : throw new DomainException($"Choose the program's language: {string.Join(", ", ProgramLanguages.All.Select(l => l.Code))}.");
    } = ProgramLanguages.Default;
    /// <summary>k for everything aggregated from people's answers: no figure from fewer. New surveys take it when they open.</summary>
    public int AnonymityThreshold { get; set => field = Anonymity.ThresholdRule.Guard(value); } = Anonymity.DefaultThreshold;
    public static readonly IntRule RetentionRule = new(1, 120, "Keep private notes and messages 1 to 120 months after a pairing ends, or leave it empty to keep them.");
    /// <summary>Months after a pairing ends before its private notes and messages are deleted; null keeps them (docs/decisions/0027-erasure.md).</summary>
    public int? RetentionMonths { get; set => field = value is { } months ? RetentionRule.Guard(months) : null; }
    public List<Objective> Objectives { get; private set; } = [];
    public List<ProgramManagerAssignment> Managers { get; private set; } = [];
    /// <summary>Executives who back the program; they see its aggregates, never anyone's private content.</summary>
    public List<ProgramSponsorAssignment> Sponsors { get; private set; } = [];
    public List<Cohort> Cohorts { get; private set; } = [];
    public int Version { get; set; }

    private MentoringProgram() { }

    public MentoringProgram(string name, string managerUserId, DateTimeOffset now)
    {
        Name = name;
        CreatedAt = now;
        Managers.Add(new ProgramManagerAssignment(Id, managerUserId));
    }

    public bool IsManagedBy(string userId) => Managers.Any(m => m.UserId == userId);

    /// <summary>An archived program takes no changes, to itself or its cohorts, until it is restored.</summary>
    public void EnsureChangeable(string change)
    {
        if (Status == ProgramStatus.Archived) throw new DomainException($"This program is archived. Restore it before {change}.");
    }

    public void Archive(DateTimeOffset now)
    {
        if (Status == ProgramStatus.Archived) throw new DomainException("This program is already archived.");
        if (Cohorts.Any(c => c.Status is CohortStatus.Enrolling or CohortStatus.Matching or CohortStatus.Active))
            throw new DomainException("Close the program's running cohorts before archiving it.");
        Status = ProgramStatus.Archived;
        ArchivedAt = now;
    }

    public void Restore()
    {
        if (Status != ProgramStatus.Archived) throw new DomainException("This program is not archived.");
        Status = ProgramStatus.Active;
        ArchivedAt = null;
    }

    /// <summary>Human text for the cadence, e.g. "60 minutes every 4 weeks (monthly)".</summary>
    public string DescribeCadence() => CadenceWeeks switch
    {
        1 => $"{MinutesPerMeeting} minutes every week",
        2 => $"{MinutesPerMeeting} minutes every two weeks",
        4 => $"{MinutesPerMeeting} minutes a month",
        _ => $"{MinutesPerMeeting} minutes every {CadenceWeeks} weeks",
    };
}

/// <summary>Who may take part. Reporting lines are excluded by matching, never here.</summary>
public sealed class EligibilityRules
{
    public static readonly IntRule GradeGapRule = new(0, 9, "The grade gap is 0 to 9 grades.");
    public static readonly IntRule TenureRule = new(0, 120, "Minimum tenure is 0 to 120 months.");
    /// <summary>The engine's default, so the two never drift.</summary>
    public const int DefaultMinGradeGap = Matching.Profiles.ProgramRules.DefaultMinGradeGap;
    public const int DefaultMinMentorTenureMonths = 12;

    /// <summary>The mentor's grade must be lower than the mentee's by at least this much.</summary>
    public int MinGradeGap { get; set => field = GradeGapRule.Guard(value); } = DefaultMinGradeGap;
    public int MinMentorTenureMonths { get; set => field = TenureRule.Guard(value); } = DefaultMinMentorTenureMonths;
    public bool RequireManagerApproval { get; set; }
    public bool ExcludeSameDepartment { get; set; }
}

public sealed class ProgramManagerAssignment
{
    public Guid ProgramId { get; private set; }
    public string UserId { get; private set; } = "";

    private ProgramManagerAssignment() { }

    public ProgramManagerAssignment(Guid programId, string userId)
    {
        ProgramId = programId;
        UserId = userId;
    }
}

/// <summary>An executive named as a sponsor of a program.</summary>
public sealed class ProgramSponsorAssignment
{
    public Guid ProgramId { get; private set; }
    public string UserId { get; private set; } = "";

    private ProgramSponsorAssignment() { }

    public ProgramSponsorAssignment(Guid programId, string userId)
    {
        ProgramId = programId;
        UserId = userId;
    }
}

/// <summary>Why the program exists, with measures that show later whether it worked.</summary>
public sealed class Objective
{
    public Guid Id { get; private set; } = Guid.NewGuid();
    public Guid ProgramId { get; private set; }
    public int Position { get; set; }
    public string Title { get; set; } = "";
    public List<Measure> Measures { get; private set; } = [];
}

/// <summary>e.g. "leaders using the collaboration tool weekly", unit %, baseline 20, target 60, by pulse survey each quarter.</summary>
public sealed class Measure
{
    public Guid Id { get; private set; } = Guid.NewGuid();
    public Guid ObjectiveId { get; private set; }
    public int Position { get; set; }
    public string Name { get; set; } = "";
    public string Unit { get; set; } = "";
    public decimal? Baseline { get; set; }
    public decimal Target { get; set; }
    /// <summary>How it is measured, e.g. "usage analytics of the collaboration tool".</summary>
    public string Method { get; set; } = "";
    /// <summary>When it is measured, e.g. "at start, midpoint and end".</summary>
    public string Timing { get; set; } = "";
    /// <summary>Where its current value comes from; <see cref="MeasureSource.Manual"/> takes the latest recorded value.</summary>
    public MeasureSource Source { get; set; } = MeasureSource.Manual;
    /// <summary>For <see cref="MeasureSource.SurveyScale"/>: the final survey's scale whose mean is the current value.</summary>
    public string Scale { get; set; } = "";
}
