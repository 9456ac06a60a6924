namespace Flipside.Domain;

public enum ParticipantRole { Mentor, Mentee }

public enum EnrollmentStatus
{
    /// <summary>A program manager invited the person; they have not answered.</summary>
    Invited,
    /// <summary>The person volunteered; a program manager has not answered.</summary>
    Applied,
    /// <summary>The mentor said yes; their line manager has been asked.</summary>
    AwaitingManagerApproval,
    Enrolled,
    Declined,
    NotApproved,
    Withdrawn,
    /// <summary>Ended because the person left the organisation (marked left in the directory).</summary>
    Left,
}

/// <summary>A person's part in a cohort, as mentor or mentee. Participation is voluntary at every step.</summary>
public sealed class Enrollment : IVersioned
{
    public Guid Id { get; private set; } = Guid.NewGuid();
    public Guid CohortId { get; private set; }
    public Cohort Cohort { get; private set; } = null!;
    public Guid PersonId { get; private set; }
    public Person Person { get; private set; } = null!;
    public ParticipantRole Role { get; private set; }
    public EnrollmentStatus Status { get; private set; }
    public string Motivation { get; private set; } = "";
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? AnsweredAt { get; private set; }
    /// <summary>Hash of the token in the line manager's approval link.</summary>
    public string? ApprovalTokenHash { get; private set; }
    public DateTimeOffset? ApprovalDecidedAt { get; private set; }
    public DateTimeOffset? LastReminderAt { get; set; }
    public Profile? Profile { get; private set; }
    public int Version { get; set; }

    private Enrollment() { }

    private Enrollment(Guid cohortId, Guid personId, ParticipantRole role, EnrollmentStatus status, string motivation, DateTimeOffset now)
    {
        CohortId = cohortId;
        PersonId = personId;
        Role = role;
        Status = status;
        Motivation = motivation;
        CreatedAt = now;
    }

    public static Enrollment Invite(Guid cohortId, Guid personId, ParticipantRole role, DateTimeOffset now) =>
        new(cohortId, personId, role, EnrollmentStatus.Invited, "", now);

    public static Enrollment Apply(Guid cohortId, Guid personId, ParticipantRole role, string motivation, DateTimeOffset now) =>
        new(cohortId, personId, role, EnrollmentStatus.Applied, motivation, now);

    /// <summary>The states in which a person still counts as part of the cohort (an array, so queries can use it too).</summary>
    public static readonly EnrollmentStatus[] OpenStatuses =
        [EnrollmentStatus.Invited, EnrollmentStatus.Applied, EnrollmentStatus.AwaitingManagerApproval, EnrollmentStatus.Enrolled];

    public bool IsOpen => OpenStatuses.Contains(Status);

    /// <summary>The invited person says yes. Mentors may first need their line manager's approval.</summary>
    public void Accept(bool needsManagerApproval, string? approvalTokenHash, DateTimeOffset now)
    {
        if (Status != EnrollmentStatus.Invited) throw new DomainException("Only an open invitation can be accepted.");
        AnsweredAt = now;
        if (needsManagerApproval && Role == ParticipantRole.Mentor)
        {
            Status = EnrollmentStatus.AwaitingManagerApproval;
            ApprovalTokenHash = approvalTokenHash ?? throw new DomainException("A manager approval link is needed.");
        }
        else Status = EnrollmentStatus.Enrolled;
    }

    public void Decline(DateTimeOffset now)
    {
        if (Status != EnrollmentStatus.Invited) throw new DomainException("Only an open invitation can be declined.");
        Status = EnrollmentStatus.Declined;
        AnsweredAt = now;
    }

    /// <summary>A program manager takes a volunteer in (or not).</summary>
    public void DecideApplication(bool accept, bool needsManagerApproval, string? approvalTokenHash, DateTimeOffset now)
    {
        if (Status != EnrollmentStatus.Applied) throw new DomainException("Only an open application can be decided.");
        Status = EnrollmentStatus.Invited;
        if (accept) Accept(needsManagerApproval, approvalTokenHash, now);
        else
        {
            Status = EnrollmentStatus.Declined;
            AnsweredAt = now;
        }
    }

    public void DecideAsLineManager(bool approve, DateTimeOffset now)
    {
        if (Status != EnrollmentStatus.AwaitingManagerApproval) throw new DomainException("This request has already been answered.");
        Status = approve ? EnrollmentStatus.Enrolled : EnrollmentStatus.NotApproved;
        ApprovalDecidedAt = now;
        ApprovalTokenHash = null;
    }

    /// <summary>Anyone can leave, at any time, without giving a reason.</summary>
    public void Withdraw(DateTimeOffset now)
    {
        if (!IsOpen) throw new DomainException("This enrolment has already ended.");
        Status = EnrollmentStatus.Withdrawn;
        AnsweredAt = now;
    }

    /// <summary>The person left the organisation: their place ends, whatever state it was in.</summary>
    public void EndBecauseLeft(DateTimeOffset now)
    {
        if (!IsOpen) throw new DomainException("This enrolment has already ended.");
        Status = EnrollmentStatus.Left;
        AnsweredAt = now;
    }

    /// <summary>
    /// Undoing the import that marked the person left gives the place back as it was; only a place that ended that way
    /// comes back, so an enrolment someone has since changed stays as they left it.
    /// </summary>
    public void ReturnAfterLeaving(EnrollmentStatus before)
    {
        if (Status != EnrollmentStatus.Left) throw new DomainException("This enrolment did not end by the person leaving.");
        if (!OpenStatuses.Contains(before)) throw new DomainException("Only an open enrolment can come back.");
        Status = before;
    }
}
