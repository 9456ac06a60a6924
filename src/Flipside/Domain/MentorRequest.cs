namespace Flipside.Domain;

/// <summary>Where a leader's request to a mentor stands. Only an open request can be answered.</summary>
public enum MentorRequestStatus { Open, Accepted, Declined, Expired }

/// <summary>
/// Self-matching: a leader asks one of their suggested mentors, who accepts or declines within the program's days.
/// A reminder goes once, then the request expires. Accepting makes the pairing; the request stays as its history.
/// </summary>
public sealed class MentorRequest : IVersioned
{
    public Guid Id { get; private set; } = Guid.NewGuid();
    public Guid CohortId { get; private set; }
    public Guid MenteeEnrollmentId { get; private set; }
    public Enrollment MenteeEnrollment { get; private set; } = null!;
    public Guid MentorEnrollmentId { get; private set; }
    public Enrollment MentorEnrollment { get; private set; } = null!;
    public MentorRequestStatus Status { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    /// <summary>The mentor answers before this, or the request expires.</summary>
    public DateTimeOffset AnswerBy { get; private set; }
    public DateTimeOffset? RemindedAt { get; private set; }
    public DateTimeOffset? AnsweredAt { get; private set; }
    /// <summary>Why the pair would work, in the mentor's words, for the mentor to read before answering.</summary>
    public List<string> MentorReasons { get; private set; } = [];
    public Guid? PairingId { get; private set; }
    public int Version { get; set; }

    private MentorRequest() { }

    public MentorRequest(Guid cohortId, Guid menteeEnrollmentId, Guid mentorEnrollmentId, IEnumerable<string> mentorReasons, int answerDays, DateTimeOffset now)
    {
        CohortId = cohortId;
        MenteeEnrollmentId = menteeEnrollmentId;
        MentorEnrollmentId = mentorEnrollmentId;
        MentorReasons = [.. mentorReasons];
        CreatedAt = now;
        AnswerBy = now.AddDays(answerDays);
    }

    public bool IsOpen(DateTimeOffset now) => Status == MentorRequestStatus.Open && now < AnswerBy;

    public void Accept(Guid pairingId, DateTimeOffset now)
    {
        EnsureOpen(now);
        Status = MentorRequestStatus.Accepted;
        (AnsweredAt, PairingId) = (now, pairingId);
    }

    public void Decline(DateTimeOffset now)
    {
        EnsureOpen(now);
        Status = MentorRequestStatus.Declined;
        AnsweredAt = now;
    }

    public void Remind(DateTimeOffset now)
    {
        EnsureOpen(now);
        RemindedAt = now;
    }

    public void Expire(DateTimeOffset now)
    {
        if (Status != MentorRequestStatus.Open) throw new DomainException($"This request was already {Describe(Status)}.");
        if (now < AnswerBy) throw new DomainException("This request is still waiting for an answer.");
        Status = MentorRequestStatus.Expired;
    }

    private void EnsureOpen(DateTimeOffset now)
    {
        if (Status != MentorRequestStatus.Open) throw new DomainException($"This request was already {Describe(Status)}.");
        if (now >= AnswerBy) throw new DomainException("This request has expired: it was not answered in time. The leader can ask again or choose another mentor.");
    }

    public static string Describe(MentorRequestStatus status) => status switch
    {
        MentorRequestStatus.Open => "waiting for an answer",
        MentorRequestStatus.Accepted => "accepted",
        MentorRequestStatus.Declined => "declined",
        _ => "expired",
    };
}
