using Flipside.Data;
using Flipside.Domain;
using Flipside.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace Flipside.Features.Celebration;

/// <summary>
/// A program's internal showcase: its approved success stories, for the program's managers, administrators, its
/// sponsors and its participants. A pair is named only when both partners chose to be; otherwise "a pair in" their
/// cohort. Staff also see the stories waiting for their approval, and staff and sponsors how much recognition the
/// program has seen, as counts only: never a kudos' words.
/// </summary>
public static class Showcase
{
    public sealed record Story(Guid Id, string Title, string Text, IReadOnlyList<string> FocusAreas, string Byline, DateTimeOffset? ApprovedAt);

    public sealed record Counts(int Kudos, IReadOnlyDictionary<MilestoneKind, int> Milestones);

    public sealed record View(Guid ProgramId, string ProgramName, IReadOnlyList<Story> Stories, IReadOnlyList<Story>? AwaitingApproval, Counts? Recognition)
    {
        public bool CanReview => AwaitingApproval is not null;
    }

    public static async Task<Outcome<View>> Handle(Guid programId, Viewer viewer, FlipsideDb db, CancellationToken ct)
    {
        var manages = await viewer.ManagedPrograms.AnyAsync(p => p.Id == programId, ct);
        var sponsors = !manages && await viewer.SponsoredPrograms.AnyAsync(p => p.Id == programId, ct);
        var takesPart = !manages && !sponsors && await viewer.OwnEnrollments.AnyAsync(e => e.Cohort.ProgramId == programId, ct);
        if (!manages && !sponsors && !takesPart) return Outcome.NotFound;
        var name = await db.Programs.Where(p => p.Id == programId).Select(p => p.Name).SingleAsync(ct);

        var rows = await (from s in db.SuccessStories
                          join p in db.Pairings on s.PairingId equals p.Id
                          where p.Cohort.ProgramId == programId && (s.ApprovedAt != null || (manages && s.MentorConsentedAt != null && s.MenteeConsentedAt != null))
                          select new
                          {
                              s.Id, s.Title, s.Text, s.FocusAreas, s.ApprovedAt, s.MentorNamed, s.MenteeNamed, Cohort = p.Cohort.Name,
                              Mentor = p.MentorEnrollment.Person.Name, Mentee = p.MenteeEnrollment.Person.Name,
                          }).ToListAsync(ct);
        // A sponsor sees aggregates and stories, never a pair's name, whatever the pair chose for their colleagues.
        var stories = rows.Select(r => new Story(r.Id, r.Title, r.Text, r.FocusAreas,
            r.MentorNamed && r.MenteeNamed && !sponsors ? $"{r.Mentor} and {r.Mentee}" : $"A pair in {r.Cohort}", r.ApprovedAt)).ToList();
        var approved = stories.Where(s => s.ApprovedAt is not null).OrderByDescending(s => s.ApprovedAt).ToList();
        var waiting = manages ? stories.Where(s => s.ApprovedAt is null).OrderBy(s => s.Title).ToList() : null;

        Counts? counts = null;
        if (manages || sponsors)
        {
            var pairings = db.Pairings.Where(p => p.Cohort.ProgramId == programId).Select(p => p.Id);
            var kudos = await db.Kudos.CountAsync(k => pairings.Contains(k.PairingId), ct);
            var milestones = await db.PairingMilestones.Where(m => pairings.Contains(m.PairingId)).GroupBy(m => m.Kind)
                .Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
            counts = new Counts(kudos, Enum.GetValues<MilestoneKind>().ToDictionary(k => k, k => milestones.FirstOrDefault(m => m.Key == k)?.Count ?? 0));
        }
        return new View(programId, name, approved, waiting, counts);
    }
}
