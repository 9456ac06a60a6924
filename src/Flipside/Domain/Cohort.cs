namespace Flipside.Domain;

/// <summary>The order matters: a cohort only ever moves forward through these.</summary>
public enum CohortStatus { Planning, Enrolling, Matching, Active, Closed }

/// <summary>A wave of a program (a pilot, then expansions) with its own dates and capacity.</summary>
public sealed class Cohort
{
    public Guid Id { get; private set; } = Guid.NewGuid();
    public Guid ProgramId { get; private set; }
    public MentoringProgram Program { get; private set; } = null!;
    public string Name { get; set; } = "";
    public DateOnly StartsOn { get; set; }
    public DateOnly EndsOn { get; set; }
    /// <summary>How many pairs this wave can hold.</summary>
    public int Capacity { get; set; }
    public CohortStatus Status { get; private set; } = CohortStatus.Planning;
    /// <summary>Whether anyone may apply as a volunteer, besides those invited.</summary>
    public bool OpenForApplications { get; set; }
    public List<Enrollment> Enrollments { get; private set; } = [];

    private Cohort() { }

    public Cohort(Guid programId, string name, DateOnly startsOn, DateOnly endsOn, int capacity)
    {
        ProgramId = programId;
        Name = name;
        StartsOn = startsOn;
        EndsOn = endsOn;
        Capacity = capacity;
    }

    public void MoveTo(CohortStatus next)
    {
        if (next == Status) return;
        if (next < Status)
            throw new DomainException($"A cohort cannot go back from {Status.ToString().ToLowerInvariant()} to {next.ToString().ToLowerInvariant()}: " +
                "people may already have been invited, matched or met. Start a new cohort instead.");
        if (next == CohortStatus.Closed || next == Status + 1)
        {
            Status = next;
            return;
        }
        throw new DomainException($"A cohort moves one step at a time: from {Status.ToString().ToLowerInvariant()} the next step is {(Status + 1).ToString().ToLowerInvariant()}.");
    }

    /// <summary>Invitations and applications are taken while planning or enrolling, never after matching began.</summary>
    public bool TakesEnrollments => Status is CohortStatus.Planning or CohortStatus.Enrolling;
}
