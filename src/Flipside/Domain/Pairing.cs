namespace Flipside.Domain;

/// <summary>
/// Where a pairing stands. Proposed by a run (or a person), approved or rejected by a program manager, active once
/// published, paused or ended by either partner or the manager. Rejected and ended pairs are kept: the engine never
/// proposes them again in the cohort.
/// </summary>
public enum PairingStatus { Proposed, Approved, Active, Paused, Ended, Rejected }

/// <summary>Who ended or paused a pairing. Only the program manager ever reads it; the partner never does.</summary>
public enum PairingActor { Mentor, Mentee, ProgramManager, Directory }

/// <summary>A mentor and a mentee matched in a cohort, from proposal to its end.</summary>
public sealed class Pairing : IVersioned
{
    public const int ReasonMaxLength = 2000;

    public Guid Id { get; private set; } = Guid.NewGuid();
    public Guid CohortId { get; private set; }
    public Cohort Cohort { get; private set; } = null!;
    public Guid MentorEnrollmentId { get; private set; }
    public Enrollment MentorEnrollment { get; private set; } = null!;
    public Guid MenteeEnrollmentId { get; private set; }
    public Enrollment MenteeEnrollment { get; private set; } = null!;
    public PairingStatus Status { get; private set; }
    /// <summary>A locked pair stays through every re-run, whatever the score.</summary>
    public bool Locked { get; private set; }
    /// <summary>Paired by a person rather than proposed by the engine.</summary>
    public bool ByHand { get; private set; }
    /// <summary>The run that proposed it; null for a pair made by hand.</summary>
    public Guid? RunId { get; private set; }
    public long Score { get; private set; }
    /// <summary>Why they were matched, in the words each audience may read (see MatchExplanations).</summary>
    public List<string> StaffReasons { get; private set; } = [];
    public List<string> MenteeReasons { get; private set; } = [];
    public List<string> MentorReasons { get; private set; } = [];
    public DateTimeOffset CreatedAt { get; private set; }
    public string? DecidedBy { get; private set; }
    public DateTimeOffset? DecidedAt { get; private set; }
    public DateTimeOffset? PublishedAt { get; private set; }
    public DateTimeOffset? PausedAt { get; private set; }
    public DateTimeOffset? EndedAt { get; private set; }
    public PairingActor? EndedBy { get; private set; }
    /// <summary>Why it was paused or ended: for the program manager only, never the other partner.</summary>
    public string? EndReason { get; private set; }
    /// <summary>The person who left asked to be matched again.</summary>
    public bool RematchRequested { get; private set; }
    /// <summary>Which of the two the directory now places above the other, when a running pairing sits inside a reporting line.</summary>
    public PairingActor? ReportingLineAbove { get; private set; }
    /// <summary>How many levels apart the two are in that line (1: a direct manager).</summary>
    public int? ReportingLineLevels { get; private set; }
    public DateTimeOffset? ReportingLineFlaggedAt { get; private set; }
    /// <summary>The program manager who chose to keep the pairing inside the line, when and why.</summary>
    public string? ReportingLineKeptBy { get; private set; }
    public DateTimeOffset? ReportingLineKeptAt { get; private set; }
    public string? ReportingLineKeptReason { get; private set; }
    public int Version { get; set; }

    private Pairing() { }

    public Pairing(Guid cohortId, Guid mentorEnrollmentId, Guid menteeEnrollmentId, long score, Reasons reasons, Guid? runId, DateTimeOffset now)
    {
        CohortId = cohortId;
        MentorEnrollmentId = mentorEnrollmentId;
        MenteeEnrollmentId = menteeEnrollmentId;
        RunId = runId;
        CreatedAt = now;
        Rescore(score, reasons);
    }

    /// <summary>The words of an explanation for each audience.</summary>
    public sealed record Reasons(IReadOnlyList<string> Staff, IReadOnlyList<string> Mentee, IReadOnlyList<string> Mentor);

    /// <summary>A pair made by a person: approved and locked at once, since a person already decided it.</summary>
    public static Pairing ByPerson(Guid cohortId, Guid mentorEnrollmentId, Guid menteeEnrollmentId, long score, Reasons reasons, string by, DateTimeOffset now)
    {
        var pairing = new Pairing(cohortId, mentorEnrollmentId, menteeEnrollmentId, score, reasons, null, now) { ByHand = true, Locked = true };
        pairing.Approve(by, now);
        return pairing;
    }

    /// <summary>Statuses in which the two people are taken: they are not proposed to anyone else.</summary>
    public static readonly PairingStatus[] Holding = [PairingStatus.Proposed, PairingStatus.Approved, PairingStatus.Active, PairingStatus.Paused];

    /// <summary>Statuses of a pairing that has started and not ended.</summary>
    public static readonly PairingStatus[] Running = [PairingStatus.Active, PairingStatus.Paused];

    public bool IsRunning => Running.Contains(Status);

    /// <summary>A re-run scores the kept pair again, with the weights of that run.</summary>
    public void Rescore(long score, Reasons reasons)
    {
        Score = score;
        StaffReasons = [.. reasons.Staff];
        MenteeReasons = [.. reasons.Mentee];
        MentorReasons = [.. reasons.Mentor];
    }

    public void Approve(string by, DateTimeOffset now)
    {
        if (Status == PairingStatus.Approved) return;
        if (Status != PairingStatus.Proposed) throw new DomainException($"Only a proposed pairing can be approved; this one is {Describe(Status)}.");
        Status = PairingStatus.Approved;
        (DecidedBy, DecidedAt) = (by, now);
    }

    public void Reject(string by, DateTimeOffset now)
    {
        if (Status is not (PairingStatus.Proposed or PairingStatus.Approved))
            throw new DomainException($"Only a pairing not yet published can be rejected; this one is {Describe(Status)}. End it instead.");
        Status = PairingStatus.Rejected;
        Locked = false;
        (DecidedBy, DecidedAt) = (by, now);
    }

    public void Lock(bool locked)
    {
        if (Status is not (PairingStatus.Proposed or PairingStatus.Approved))
            throw new DomainException($"Only a pairing not yet published can be locked or unlocked; this one is {Describe(Status)}.");
        Locked = locked;
    }

    public void Publish(DateTimeOffset now)
    {
        if (Status != PairingStatus.Approved) throw new DomainException($"Only an approved pairing can be published; this one is {Describe(Status)}.");
        Status = PairingStatus.Active;
        PublishedAt = now;
    }

    public void Pause(PairingActor by, string reason, DateTimeOffset now)
    {
        if (Status != PairingStatus.Active) throw new DomainException($"Only an active pairing can be paused; this one is {Describe(Status)}.");
        Status = PairingStatus.Paused;
        PausedAt = now;
        (EndedBy, EndReason) = (by, Reason(reason));
    }

    public void Resume()
    {
        if (Status != PairingStatus.Paused) throw new DomainException($"Only a paused pairing can resume; this one is {Describe(Status)}.");
        Status = PairingStatus.Active;
        PausedAt = null;
    }

    /// <summary>Either partner or the manager ends it, without fault; the reason stays with the program manager.</summary>
    /// <summary>Erasure only: the match's reasons may name the erased person (docs/decisions/0027-erasure.md).</summary>
    public void RedactReasons(Func<string, string> redact)
    {
        StaffReasons = [.. StaffReasons.Select(redact)];
        MenteeReasons = [.. MenteeReasons.Select(redact)];
        MentorReasons = [.. MentorReasons.Select(redact)];
    }

    public void End(PairingActor by, string reason, bool rematch, DateTimeOffset now)
    {
        if (!IsRunning) throw new DomainException($"Only an active or paused pairing can end; this one is {Describe(Status)}.");
        Status = PairingStatus.Ended;
        EndedAt = now;
        (EndedBy, EndReason, RematchRequested) = (by, Reason(reason), rematch);
    }

    /// <summary>
    /// An active pairing that a program manager has still to pause, end or keep because of a reporting line. Pausing is
    /// a decision too; resuming a pairing still inside the line asks again.
    /// </summary>
    public bool AwaitsReportingLineDecision => Status == PairingStatus.Active && ReportingLineFlaggedAt is not null && ReportingLineKeptAt is null;

    /// <summary>
    /// The directory now puts one partner above the other. True when this is news: a line that moved since the last
    /// flag (or since the manager kept it) asks for a decision again; the same line, already flagged or kept, does not.
    /// </summary>
    public bool FlagReportingLine(PairingActor above, int levels, DateTimeOffset now)
    {
        if (!IsRunning || (ReportingLineAbove == above && ReportingLineLevels == levels)) return false;
        (ReportingLineAbove, ReportingLineLevels, ReportingLineFlaggedAt) = (above, levels, now);
        (ReportingLineKeptBy, ReportingLineKeptAt, ReportingLineKeptReason) = (null, null, null);
        return true;
    }

    /// <summary>The two are no longer in one line: a later move back into one is flagged afresh.</summary>
    public void ClearReportingLine()
    {
        (ReportingLineAbove, ReportingLineLevels, ReportingLineFlaggedAt) = (null, null, null);
        (ReportingLineKeptBy, ReportingLineKeptAt, ReportingLineKeptReason) = (null, null, null);
    }

    /// <summary>The program manager keeps the pairing inside the line, knowingly, and says why.</summary>
    public void KeepInReportingLine(string by, string reason, DateTimeOffset now)
    {
        if (!AwaitsReportingLineDecision) throw new DomainException("This pairing has no reporting line waiting for a decision.");
        var why = Reason(reason) ?? throw new DomainException("Say why the pairing stays inside the reporting line.");
        (ReportingLineKeptBy, ReportingLineKeptAt, ReportingLineKeptReason) = (by, now, why);
    }

    private static string? Reason(string reason)
    {
        reason = reason.Trim();
        if (reason.Length > ReasonMaxLength) throw new DomainException($"Keep the reason to {ReasonMaxLength} characters.");
        return reason.Length == 0 ? null : reason;
    }

    public static string Describe(PairingStatus status) => status switch
    {
        PairingStatus.Proposed => "proposed",
        PairingStatus.Approved => "approved",
        PairingStatus.Active => "active",
        PairingStatus.Paused => "paused",
        PairingStatus.Ended => "ended",
        _ => "rejected",
    };
}
