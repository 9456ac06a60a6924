using Flipside.Data;
using Flipside.Domain;
using Flipside.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace Flipside.Features.Pairings;

/// <summary>
/// A program manager keeps a pairing that a directory change put inside a reporting line, and records why (a short
/// program ending next month, both asked to stay). The notice goes; if the line moves again, it comes back.
/// </summary>
public static class KeepInReportingLine
{
    public sealed record Request(Guid CohortId, Guid PairingId, string? Reason, int? Version);

    public static async Task<Outcome<Done>> Handle(Request r, Viewer viewer, FlipsideDb db, TimeProvider clock, CancellationToken ct)
    {
        var reason = r.Reason?.Trim() ?? "";
        if (reason.Length == 0) return Outcome.Invalid("reason", "Say why the pairing stays inside the reporting line; the reason is kept in the audit log.");
        if (reason.Length > Pairing.ReasonMaxLength) return Outcome.Invalid("reason", $"Keep the reason to {Pairing.ReasonMaxLength} characters.");
        var pairing = await viewer.ManagedPairings.Include(p => p.Cohort).ThenInclude(c => c.Program)
            .Include(p => p.MentorEnrollment).ThenInclude(e => e.Person).Include(p => p.MenteeEnrollment).ThenInclude(e => e.Person)
            .FirstOrDefaultAsync(p => p.Id == r.PairingId && p.CohortId == r.CohortId, ct);
        if (pairing is null) return Outcome.NotFound;
        if (r.Version is { } version && version != pairing.Version) return Outcome.Conflict(Outcome.ChangedMeanwhile);
        var now = clock.GetUtcNow();
        pairing.KeepInReportingLine(viewer.UserId, reason, now);
        db.Record(viewer, now, "pairing.kept-in-reporting-line", "Pairing", pairing.Id,
            $"{pairing.MenteeEnrollment.Person.Name} with {pairing.MentorEnrollment.Person.Name} kept: {reason}");
        await db.SaveChangesAsync(ct);
        return Outcome.Ok;
    }

    /// <summary>A pairing on the cohort's notice: inside a reporting line and waiting for the manager's decision.</summary>
    public sealed record Flagged(Guid Id, PairingStatus Status, string MenteeName, string MentorName, string Line, DateTimeOffset FlaggedAt, int Version);

    /// <summary>What the cohort's pages show: the pairings waiting, with the cohort their forms post back to.</summary>
    public sealed record Notice(Guid CohortId, IReadOnlyList<Flagged> Pairings);

    public static async Task<IReadOnlyList<Flagged>> Waiting(Guid cohortId, Viewer viewer, FlipsideDb db, CancellationToken ct)
    {
        var rows = await viewer.ManagedPairings
            .Where(p => p.CohortId == cohortId && p.Status == PairingStatus.Active && p.ReportingLineFlaggedAt != null && p.ReportingLineKeptAt == null)
            .OrderBy(p => p.MenteeEnrollment.Person.Name).ThenBy(p => p.Id)
            .Select(p => new
            {
                p.Id, p.Status, Mentee = p.MenteeEnrollment.Person.Name, Mentor = p.MentorEnrollment.Person.Name, p.ReportingLineAbove, p.ReportingLineLevels,
                p.ReportingLineFlaggedAt, p.Version,
            })
            .ToListAsync(ct);
        return [.. rows.Select(p => new Flagged(p.Id, p.Status, p.Mentee, p.Mentor,
            ReportingLineMoves.Describe(p.Mentor, p.Mentee, p.ReportingLineAbove!.Value, p.ReportingLineLevels!.Value), p.ReportingLineFlaggedAt!.Value, p.Version))];
    }
}
