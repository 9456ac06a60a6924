namespace Flipside.Domain;

/// <summary>
/// Ranked choice: one place in a participant's ranking of their suggestions, 1 for the most wanted. A ranking is
/// saved whole, so its rows are replaced together.
/// </summary>
public sealed class Preference
{
    public const int MostRanked = 5;

    public Guid Id { get; private set; } = Guid.NewGuid();
    public Guid CohortId { get; private set; }
    /// <summary>Who ranks.</summary>
    public Guid EnrollmentId { get; private set; }
    /// <summary>Whom they rank, on the other side.</summary>
    public Guid RankedEnrollmentId { get; private set; }
    public int Rank { get; private set; }
    public DateTimeOffset SavedAt { get; private set; }

    private Preference() { }

    public Preference(Guid cohortId, Guid enrollmentId, Guid rankedEnrollmentId, int rank, DateTimeOffset now)
    {
        if (rank is < 1 or > MostRanked) throw new DomainException($"Rank up to {MostRanked} people, 1 first.");
        (CohortId, EnrollmentId, RankedEnrollmentId, Rank, SavedAt) = (cohortId, enrollmentId, rankedEnrollmentId, rank, now);
    }
}
