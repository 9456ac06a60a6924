using Flipside.Data;
using Flipside.Domain;
using Flipside.Features.Sessions;
using Flipside.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace Flipside.Features.Health;

/// <summary>
/// The drill-down from program health to one pair, for its program managers and administrators: metadata only
/// (names, cohort, status, counts, dates, whether the agreement is signed and the flags by week). Notes, messages,
/// goals and answers are not read here at all, so nothing of them can leak through this page or endpoint.
/// </summary>
public static class PairHealth
{
    public sealed record Flag(PairFlagKind Kind, string Label, DateOnly RaisedIn, bool Open);

    public sealed record View(Guid PairingId, Guid ProgramId, string ProgramName, Guid CohortId, string CohortName, string MentorLabel, string MenteeLabel,
        string MentorName, string MenteeName, PairingStatus Status, DateTimeOffset PublishedAt, int MeetingsHeld, int MeetingsExpected, int MeetingsCancelled,
        int CancelledByMentorLately, int CancelledByMenteeLately, DateTimeOffset? LastMeeting, int DaysSinceLastMeeting, bool AgreementSigned,
        IReadOnlyList<Flag> Flags, IReadOnlyList<PairRisks.Reason> Reasons);

    public static async Task<Outcome<View>> Handle(Guid pairingId, Viewer viewer, FlipsideDb db, TimeProvider clock, CancellationToken ct)
    {
        if (!viewer.IsProgramStaff) return Outcome.Forbidden("Only the program's managers can open a pair from program health; sponsors see the figures.");
        var now = clock.GetUtcNow();
        var pairs = await PairRisks.Load(viewer.ManagedPairings.Where(p => p.Id == pairingId), db, now, ct);
        if (pairs.Count == 0) return Outcome.NotFound;
        // The leader, or someone above the leader, sees no pulse flag at all: not even that one was raised and resolved.
        var flagsHidden = (await Pairings.ExitPrivacy.FlagsHiddenFrom((await viewer.Person(ct))?.Id, [pairs[0].MenteePersonId], db, ct)).Count > 0;
        var p = flagsHidden ? pairs[0] with { OpenFlags = new HashSet<PairFlagKind>() } : pairs[0];
        var row = ProgramHealth.Row(p, now);
        var released = Surveys.PairFlags.ReleasedBefore(now);
        var flags = await db.PairFlags.Where(f => f.PairingId == pairingId && !flagsHidden && f.RaisedWeekOf < released).OrderByDescending(f => f.RaisedWeekOf)
            .Select(f => new { f.Kind, f.RaisedWeekOf, f.ResolvedAt }).ToListAsync(ct);
        return new View(p.PairingId, p.ProgramId, p.ProgramName, p.CohortId, p.CohortName, p.MentorLabel, p.MenteeLabel, p.MentorName, p.MenteeName,
            p.Status, p.PublishedAt, p.Meetings.Held, row.Expected, p.Meetings.Cancelled, p.Meetings.CancelledByMentor, p.Meetings.CancelledByMentee,
            p.Meetings.LastHeld, row.DaysSinceLastMeeting, p.Signed,
            [.. flags.Select(f => new Flag(f.Kind, f.Kind == PairFlagKind.SafetyConcern ? "Safety concern" : "Low pulse", Surveys.PairFlags.MonthOf(f.RaisedWeekOf), f.ResolvedAt is null))],
            row.Reasons);
    }
}
