namespace Flipside.Domain;

public enum ProgramStatus { Active, Archived }

/// <summary>
/// One reverse-mentoring initiative: why it exists (objectives and their measures), what it is about
/// (focus areas), how pairs meet (cadence, duration) and who may take part (eligibility rules).
/// </summary>
public sealed class MentoringProgram
{
    public const int MaxDurationMonths = 24;

    public Guid Id { get; private set; } = Guid.NewGuid();
    public string Name { get; set; } = "";
    public string Purpose { get; set; } = "";
    public ProgramStatus Status { get; private set; } = ProgramStatus.Active;
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? ArchivedAt { get; private set; }
    public List<string> FocusAreas { get; set; } = [];
    /// <summary>A meeting every this many weeks; 4 reads as "monthly".</summary>
    public int CadenceWeeks { get; set; } = 4;
    public int MinutesPerMeeting { get; set; } = 60;
    public int DurationMonths { get; set; } = 6;
    public int DefaultMentorCapacity { get; set; } = 1;
    /// <summary>What this program calls the junior guide, e.g. "reverse mentor".</summary>
    public string MentorLabel { get; set; } = "mentor";
    /// <summary>What this program calls the senior learner, e.g. "leader".</summary>
    public string MenteeLabel { get; set; } = "leader";
    public EligibilityRules Eligibility { get; set; } = new();
    public List<Objective> Objectives { get; private set; } = [];
    public List<ProgramManagerAssignment> Managers { get; private set; } = [];
    public List<Cohort> Cohorts { get; private set; } = [];

    private MentoringProgram() { }

    public MentoringProgram(string name, string managerUserId, DateTimeOffset now)
    {
        Name = name;
        CreatedAt = now;
        Managers.Add(new ProgramManagerAssignment(Id, managerUserId));
    }

    public bool IsManagedBy(string userId) => Managers.Any(m => m.UserId == userId);

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
    /// <summary>The mentor's grade must be lower than the mentee's by at least this much; the default is the engine's, so the two never drift.</summary>
    public int MinGradeGap { get; set; } = Matching.Profiles.ProgramRules.DefaultMinGradeGap;
    public int MinMentorTenureMonths { get; set; } = 12;
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
}
