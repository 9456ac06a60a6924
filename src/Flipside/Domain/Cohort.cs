namespace Flipside.Domain;

/// <summary>The order matters: a cohort only ever moves forward through these.</summary>
public enum CohortStatus { Planning, Enrolling, Matching, Active, Closed }

/// <summary>A wave of a program (a pilot, then expansions) with its own dates and capacity.</summary>
public sealed class Cohort : IVersioned
{
    public static readonly IntRule CapacityRule = new(1, 100_000, "Enter how many pairs the cohort can hold: 1 or more.");
    public const string DatesOutOfOrder = "The end date must be after the start date.";

    public Guid Id { get; private set; } = Guid.NewGuid();
    public Guid ProgramId { get; private set; }
    public MentoringProgram Program { get; private set; } = null!;
    public string Name { get; set; } = "";
    public DateOnly StartsOn { get; private set; }
    public DateOnly EndsOn { get; private set; }
    /// <summary>How many pairs this wave can hold.</summary>
    public int Capacity { get; set => field = CapacityRule.Guard(value); }
    public CohortStatus Status { get; private set; } = CohortStatus.Planning;
    /// <summary>Whether anyone may apply as a volunteer, besides those invited.</summary>
    public bool OpenForApplications { get; set; }
    /// <summary>When the cohort moved to matching: ranked choice counts its ranking days from here.</summary>
    public DateTimeOffset? MatchingSince { get; private set; }
    public List<Enrollment> Enrollments { get; private set; } = [];
    public int Version { get; set; }

    private Cohort() { }

    public Cohort(Guid programId, string name, DateOnly startsOn, DateOnly endsOn, int capacity)
    {
        ProgramId = programId;
        Name = name;
        Reschedule(startsOn, endsOn);
        Capacity = capacity;
    }

    public void Reschedule(DateOnly startsOn, DateOnly endsOn)
    {
        if (endsOn <= startsOn) throw new DomainException(DatesOutOfOrder);
        StartsOn = startsOn;
        EndsOn = endsOn;
    }

    public const string NoPairingReady = "A cohort goes active once at least one of its pairings is ready. Match the cohort and publish its pairings first.";

    /// <param name="pairingsReady">How many of the cohort's pairings are ready to start; going active needs one.</param>
    /// <param name="at">When the move happens; recorded for the move to matching.</param>
    public void MoveTo(CohortStatus next, int pairingsReady, DateTimeOffset? at = null)
    {
        if (next == Status) return;
        if (next == CohortStatus.Active && pairingsReady == 0) throw new DomainException(NoPairingReady);
        if (next < Status)
            throw new DomainException($"A cohort cannot go back from {Status.ToString().ToLowerInvariant()} to {next.ToString().ToLowerInvariant()}: " +
                "people may already have been invited, matched or met. Start a new cohort instead.");
        if (next == CohortStatus.Closed || next == Status + 1)
        {
            Status = next;
            if (next == CohortStatus.Matching) MatchingSince = at;
            return;
        }
        throw new DomainException($"A cohort moves one step at a time: from {Status.ToString().ToLowerInvariant()} the next step is {(Status + 1).ToString().ToLowerInvariant()}.");
    }

    /// <summary>Invitations and applications are taken while planning or enrolling, never after matching began: as SQL and in memory.</summary>
    public static readonly System.Linq.Expressions.Expression<Func<Cohort, bool>> TakingEnrollments =
        c => c.Status == CohortStatus.Planning || c.Status == CohortStatus.Enrolling;

    private static readonly Func<Cohort, bool> Takes = TakingEnrollments.Compile();

    public bool TakesEnrollments => Takes(this);

    /// <summary>When ranked choice stops taking rankings; null when the move to matching was not timed (then the manager's run closes them).</summary>
    public DateTimeOffset? RankingClosesAt(int rankingDays) => MatchingSince?.AddDays(rankingDays);
}
