using Flipside.Data;
using Flipside.Domain;
using Flipside.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace Flipside.Features.Celebration;

/// <summary>
/// The completion certificate of a pairing, for either partner to print or save as PDF. Only the two partners can
/// open it, and only once the pairing has reached its completion milestone.
/// </summary>
public static class Certificate
{
    public sealed record View(Guid PairingId, string MentorName, string MenteeName, string MentorLabel, string MenteeLabel, string ProgramName,
        string CohortName, DateOnly StartsOn, DateOnly EndsOn, DateTimeOffset CompletedAt, int MeetingsHeld);

    public const string NotYet = "The certificate is ready once your pairing has completed the program: after the cohort's last day.";

    public static async Task<Outcome<View>> Handle(Guid pairingId, Viewer viewer, FlipsideDb db, CancellationToken ct)
    {
        if (await PairCelebration.Find(pairingId, viewer, ct) is not { } pair) return Outcome.NotFound;
        var completion = await db.PairingMilestones.Where(m => m.PairingId == pairingId && m.Kind == MilestoneKind.Completion)
            .Select(m => (DateTimeOffset?)m.ReachedAt).FirstOrDefaultAsync(ct);
        if (completion is not { } completedAt) return Outcome.Conflict(NotYet);
        var held = await db.Meetings.CountAsync(m => m.PairingId == pairingId && m.Status == MeetingStatus.Held, ct);
        var (mentorLabel, menteeLabel) = pair.Me == ParticipantRole.Mentor ? (pair.MyLabel, pair.PartnerLabel) : (pair.PartnerLabel, pair.MyLabel);
        return new View(pairingId, pair.MentorName, pair.MenteeName, mentorLabel, menteeLabel, pair.ProgramName, pair.CohortName, pair.StartsOn, pair.EndsOn,
            completedAt, held);
    }
}
