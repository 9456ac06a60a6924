using Flipside.Data;
using Flipside.Domain;
using Flipside.Features.Agreements;
using Flipside.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace Flipside.Features.Goals;

/// <summary>Both sides' goals of one pairing, with milestones and progress, for its two people only.</summary>
public static class PairGoals
{
    public sealed record ObjectiveOption(Guid Id, string Title);
    public sealed record MilestoneView(Guid Id, string Title, DateTimeOffset? DoneAt);
    public sealed record ProgressView(Guid Id, ParticipantRole By, string Text, DateTimeOffset At);

    public sealed record GoalView(Guid Id, ParticipantRole Owner, bool Mine, string Title, string Description, Guid? ObjectiveId, string? ObjectiveTitle,
        int Percent, int Version, IReadOnlyList<MilestoneView> Milestones, IReadOnlyList<ProgressView> Progress);

    public sealed record View(Guid PairingId, string ProgramName, ParticipantRole MyRole, string MentorLabel, string MenteeLabel, string MentorName,
        string MenteeName, bool CanChange, IReadOnlyList<ObjectiveOption> Objectives, IReadOnlyList<GoalView> Goals);

    public static async Task<Outcome<View>> Handle(Guid pairingId, Viewer viewer, FlipsideDb db, CancellationToken ct)
    {
        if (await PairContext.Load(viewer, pairingId, ct) is not { } pair) return Outcome.NotFound;
        var head = await db.Pairings.Where(p => p.Id == pairingId)
            .Select(p => new
            {
                p.Cohort.Program.Name, p.Cohort.Program.MentorLabel, p.Cohort.Program.MenteeLabel,
                Mentor = p.MentorEnrollment.Person.Name, Mentee = p.MenteeEnrollment.Person.Name
            })
            .SingleAsync(ct);
        var objectives = await db.Objectives.Where(o => o.ProgramId == pair.ProgramId).OrderBy(o => o.Position)
            .Select(o => new ObjectiveOption(o.Id, o.Title)).ToListAsync(ct);
        var goals = await db.Goals.AsNoTracking().Include(g => g.Milestones).Include(g => g.Progress)
            .Where(g => g.PairingId == pairingId).OrderBy(g => g.Owner).ThenBy(g => g.CreatedAt).ToListAsync(ct);
        var titles = objectives.ToDictionary(o => o.Id, o => o.Title);
        return new View(pairingId, head.Name, pair.MyRole, head.MentorLabel, head.MenteeLabel, head.Mentor, head.Mentee, pair.IsRunning, objectives,
            [.. goals.Select(g => new GoalView(g.Id, g.Owner, g.Owner == pair.MyRole, g.Title, g.Description, g.ObjectiveId,
                g.ObjectiveId is { } o && titles.TryGetValue(o, out var t) ? t : null,
                Goal.Percent(g.Milestones.Count(m => m.DoneAt != null), g.Milestones.Count), g.Version,
                [.. g.Milestones.OrderBy(m => m.Position).Select(m => new MilestoneView(m.Id, m.Title, m.DoneAt))],
                [.. g.Progress.OrderByDescending(p => p.At).Select(p => new ProgressView(p.Id, p.By, p.Text, p.At))]))]);
    }
}
