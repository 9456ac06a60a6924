using Flipside.Data;
using Flipside.Domain;
using Microsoft.EntityFrameworkCore;

namespace Flipside.Features.Sessions;

/// <summary>
/// Which active pairings are at risk and by which rule, from metadata only (dates, counts and open flags, never
/// content): the managers' weekly digest, the cadence nudge and program health all read it. Senior resistance shows
/// here as cancellations by one side. Every figure comes from a few grouped queries over the whole set of pairings,
/// never a query per pairing, so a program of thousands of pairs costs the same handful of round trips.
/// </summary>
public static class PairRisks
{
    public const int QuietDays = 45;
    public const int CancellationsThatRepeat = 2;
    public static readonly TimeSpan CancellationWindow = TimeSpan.FromDays(90);

    public enum Rule { CadenceSlipping, NoMeetingIn45Days, LowPulse, SafetyFlag, UnsignedAgreement, RepeatedCancellations }

    /// <summary>
    /// A rule that flagged a pairing, with the English sentence and the facts in it, so that a reader in another
    /// language gets the same sentence in theirs (the managers' digest, <see cref="Nudges.NudgeTexts"/>).
    /// </summary>
    public sealed record Reason(Rule Rule, string Text)
    {
        public int Days { get; init; }
        public int CadenceWeeks { get; init; }
        public int Count { get; init; }
        /// <summary>The side the rule is about, in the program's own word for it ("mentor", "leader").</summary>
        public string Side { get; init; } = "";
        /// <summary>For the quiet rule: counted from the pairing's start, as the pair has never met.</summary>
        public bool SinceStart { get; init; }
    }

    public sealed record AtRisk(Guid PairingId, Guid ProgramId, string ProgramName, string CohortName, string MentorName, string MenteeName,
        Guid MenteePersonId, IReadOnlyList<Reason> Reasons);

    /// <summary>A pairing's meetings in one row: what the rules and the health page need, and nothing said in them.</summary>
    public sealed record MeetingFacts(DateTimeOffset? LastHeld, DateTimeOffset? NextPlanned, int Held, int Cancelled, int CancelledByMentor, int CancelledByMentee)
    {
        public static readonly MeetingFacts None = new(null, null, 0, 0, 0, 0);
    }

    /// <summary>A published pairing with everything the rules look at.</summary>
    public sealed record Pair(Guid PairingId, Guid ProgramId, string ProgramName, Guid CohortId, string CohortName, PairingStatus Status,
        DateTimeOffset PublishedAt, DateTimeOffset? PausedAt, DateTimeOffset? EndedAt, int CadenceWeeks, string MentorLabel, string MenteeLabel,
        string MentorName, string MenteeName, bool Signed, MeetingFacts Meetings, IReadOnlySet<PairFlagKind> OpenFlags, Guid MenteePersonId);

    /// <summary>The rules that come from the mentor's pulses: never for the leader or anyone in the leader's reporting line.</summary>
    public static bool FromPulses(Rule rule) => rule is Rule.LowPulse or Rule.SafetyFlag;

    /// <summary>
    /// The pairs as a reader may see them: a program manager who is the leader, or above the leader in the reporting
    /// line, never learns that the mentor could not speak openly or found the meetings of little use.
    /// </summary>
    public static async Task<IReadOnlyList<Pair>> AsSeenBy(IReadOnlyList<Pair> pairs, Guid? readerPersonId, FlipsideDb db, CancellationToken ct)
    {
        var hidden = await Pairings.ExitPrivacy.FlagsHiddenFrom(readerPersonId, [.. pairs.Where(p => p.OpenFlags.Count > 0).Select(p => p.MenteePersonId).Distinct()], db, ct);
        return hidden.Count == 0 ? pairs : [.. pairs.Select(p => hidden.Contains(p.MenteePersonId) ? p with { OpenFlags = new HashSet<PairFlagKind>() } : p)];
    }

    /// <summary>The same rule over the digest's lines: the pulse reasons dropped, and a pair left with none dropped too.</summary>
    public static async Task<IReadOnlyList<AtRisk>> AsSeenBy(IReadOnlyList<AtRisk> risks, Guid? readerPersonId, FlipsideDb db, CancellationToken ct)
    {
        var hidden = await Pairings.ExitPrivacy.FlagsHiddenFrom(readerPersonId,
            [.. risks.Where(r => r.Reasons.Any(x => FromPulses(x.Rule))).Select(r => r.MenteePersonId).Distinct()], db, ct);
        return hidden.Count == 0 ? risks : [.. risks.Select(r => hidden.Contains(r.MenteePersonId) ? r with { Reasons = [.. r.Reasons.Where(x => !FromPulses(x.Rule))] } : r)
            .Where(r => r.Reasons.Count > 0)];
    }

    /// <summary>The active pairings of these programs that some rule flags, for the managers' digest.</summary>
    public static async Task<IReadOnlyList<AtRisk>> In(IReadOnlyCollection<Guid> programIds, FlipsideDb db, DateTimeOffset now, CancellationToken ct)
    {
        var pairs = await Load(db.Pairings.Where(p => p.Status == PairingStatus.Active && programIds.Contains(p.Cohort.ProgramId)), db, now, ct);
        return [.. pairs.OrderBy(p => p.ProgramName, StringComparer.Ordinal).ThenBy(p => p.MenteeName, StringComparer.Ordinal).ThenBy(p => p.PairingId)
            .Select(p => (p, reasons: Assess(p, now))).Where(x => x.reasons.Count > 0)
            .Select(x => new AtRisk(x.p.PairingId, x.p.ProgramId, x.p.ProgramName, x.p.CohortName, x.p.MentorName, x.p.MenteeName,
                x.p.MenteePersonId, x.reasons))];
    }

    /// <summary>The published pairings among <paramref name="pairings"/>, with their meetings, agreement and open flags: four queries in all.</summary>
    public static async Task<IReadOnlyList<Pair>> Load(IQueryable<Pairing> pairings, FlipsideDb db, DateTimeOffset now, CancellationToken ct)
    {
        var published = pairings.Where(p => p.PublishedAt != null);
        var rows = await published.Select(p => new
        {
            p.Id, p.Cohort.ProgramId, Program = p.Cohort.Program.Name, p.CohortId, Cohort = p.Cohort.Name, p.Status, p.PublishedAt, p.PausedAt, p.EndedAt,
            p.Cohort.Program.CadenceWeeks, p.Cohort.Program.MentorLabel, p.Cohort.Program.MenteeLabel,
            Mentor = p.MentorEnrollment.Person.Name, Mentee = p.MenteeEnrollment.Person.Name, MenteePersonId = p.MenteeEnrollment.PersonId,
        }).ToListAsync(ct);
        if (rows.Count == 0) return [];
        var ids = published.Select(p => p.Id);
        var meetings = await Meetings(ids, db, now, ct);
        var signed = (await db.Agreements.Where(a => a.SignedByBothAt != null && ids.Contains(a.PairingId)).Select(a => a.PairingId).ToListAsync(ct)).ToHashSet();
        // Only released flags (raised before this week): the digest, health and the drill-down all read them from here.
        var released = Surveys.PairFlags.ReleasedBefore(now);
        var flags = (await db.PairFlags.Where(f => f.ResolvedAt == null && f.RaisedWeekOf < released && ids.Contains(f.PairingId)).GroupBy(f => new { f.PairingId, f.Kind })
                .Select(g => g.Key).ToListAsync(ct))
            .ToLookup(f => f.PairingId, f => f.Kind);
        return [.. rows.Select(r => new Pair(r.Id, r.ProgramId, r.Program, r.CohortId, r.Cohort, r.Status, r.PublishedAt!.Value, r.PausedAt, r.EndedAt,
            r.CadenceWeeks, r.MentorLabel, r.MenteeLabel, r.Mentor, r.Mentee, signed.Contains(r.Id), meetings.GetValueOrDefault(r.Id, MeetingFacts.None),
            flags[r.Id].ToHashSet(), r.MenteePersonId))];
    }

    /// <summary>Each pairing's meetings summed up in one GROUP BY: the last held, the next planned, and the counts the rules read.</summary>
    public static async Task<Dictionary<Guid, MeetingFacts>> Meetings(IQueryable<Guid> pairingIds, FlipsideDb db, DateTimeOffset now, CancellationToken ct)
    {
        var recent = now - CancellationWindow;
        var rows = await db.Meetings.Where(m => pairingIds.Contains(m.PairingId)).GroupBy(m => m.PairingId)
            .Select(g => new
            {
                g.Key,
                LastHeld = g.Max(m => m.Status == MeetingStatus.Held ? (DateTimeOffset?)m.StartsAt : null),
                NextPlanned = g.Min(m => (m.Status == MeetingStatus.Proposed || m.Status == MeetingStatus.Accepted) && m.StartsAt > now ? (DateTimeOffset?)m.StartsAt : null),
                Held = g.Count(m => m.Status == MeetingStatus.Held),
                Cancelled = g.Count(m => m.Status == MeetingStatus.Cancelled),
                ByMentor = g.Count(m => m.Status == MeetingStatus.Cancelled && m.CancelledBy == ParticipantRole.Mentor && m.CancelledAt > recent),
                ByMentee = g.Count(m => m.Status == MeetingStatus.Cancelled && m.CancelledBy == ParticipantRole.Mentee && m.CancelledAt > recent),
            })
            .ToListAsync(ct);
        return rows.ToDictionary(r => r.Key, r => new MeetingFacts(r.LastHeld, r.NextPlanned, r.Held, r.Cancelled, r.ByMentor, r.ByMentee));
    }

    /// <summary>A slip of the cadence: since when no meeting was held, and the moment it became a slip.</summary>
    public sealed record Slip(DateTimeOffset Since, DateTimeOffset SlippedAt);

    /// <summary>
    /// The one cadence rule, for the nudge to both partners and for the managers: a pairing slips when it has gone its
    /// cadence and a week more since the last meeting held (or its start) and nothing is planned within the next cadence.
    /// </summary>
    public static Slip? Slipping(DateTimeOffset publishedAt, MeetingFacts meetings, int cadenceWeeks, DateTimeOffset now)
    {
        if (MeetingNudges.PlannedSoon(meetings.NextPlanned, cadenceWeeks, now)) return null;
        // The episode starts at the last meeting held (or the start): a new meeting ends it, and a later slip is news again.
        var since = meetings.LastHeld is { } held && held > publishedAt ? held : publishedAt;
        var slippedAt = since + TimeSpan.FromDays(7 * cadenceWeeks) + MeetingNudges.CadenceGrace;
        return slippedAt > now ? null : new Slip(since, slippedAt);
    }

    /// <summary>Every rule that flags an active pairing now, each with the sentence a manager reads.</summary>
    public static IReadOnlyList<Reason> Assess(Pair p, DateTimeOffset now)
    {
        if (p.Status != PairingStatus.Active) return [];
        var reasons = new List<Reason>();
        var since = p.Meetings.LastHeld is { } held && held > p.PublishedAt ? held : p.PublishedAt;
        var quiet = (int)(now - since).TotalDays;
        if (Slipping(p.PublishedAt, p.Meetings, p.CadenceWeeks, now) is not null)
            reasons.Add(new(Rule.CadenceSlipping, $"Cadence slipping: no meeting held for {quiet} days and none planned (the program asks for one every {Words.Count(p.CadenceWeeks, "week")}).")
            { Days = quiet, CadenceWeeks = p.CadenceWeeks });
        if (now - since > TimeSpan.FromDays(QuietDays))
        {
            var sinceStart = (int)(now - p.PublishedAt).TotalDays;
            reasons.Add(p.Meetings.LastHeld is null
                ? new(Rule.NoMeetingIn45Days, $"No meeting held in the {sinceStart} days since the pairing started.") { Days = sinceStart, SinceStart = true }
                : new(Rule.NoMeetingIn45Days, $"No meeting in {QuietDays} days.") { Days = QuietDays });
        }
        if (p.OpenFlags.Contains(PairFlagKind.LowPulse)) reasons.Add(new(Rule.LowPulse, "Low pulse: meetings were rated as not useful."));
        if (p.OpenFlags.Contains(PairFlagKind.SafetyConcern))
            reasons.Add(new(Rule.SafetyFlag, $"Safety flag: the {p.MentorLabel} could not speak openly.") { Side = p.MentorLabel });
        if (p.Meetings.CancelledByMentee >= CancellationsThatRepeat)
            reasons.Add(new(Rule.RepeatedCancellations, $"Repeated cancellations by the {p.MenteeLabel}: {p.Meetings.CancelledByMentee} in 90 days.")
            { Side = p.MenteeLabel, Count = p.Meetings.CancelledByMentee });
        if (p.Meetings.CancelledByMentor >= CancellationsThatRepeat)
            reasons.Add(new(Rule.RepeatedCancellations, $"Repeated cancellations by the {p.MentorLabel}: {p.Meetings.CancelledByMentor} in 90 days.")
            { Side = p.MentorLabel, Count = p.Meetings.CancelledByMentor });
        if (!p.Signed && now - p.PublishedAt > Agreements.AgreementStatus.Grace)
            reasons.Add(new(Rule.UnsignedAgreement, "Agreement not signed by both a week after the pairing started."));
        return reasons;
    }
}
