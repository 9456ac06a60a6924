using Flipside.Data;
using Flipside.Domain;
using Flipside.Features.Matching;
using Flipside.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace Flipside.Features.Pairings;

/// <summary>
/// Ranked choice, either side: the people suggested to the viewer with the reasons in their words and the rank they
/// gave each, and when ranking closes.
/// </summary>
public static class MyRanking
{
    public sealed record Candidate(Guid PersonId, string Name, string Title, string Department, IReadOnlyList<string> Reasons, int? Rank);

    public sealed record View(Guid CohortId, string ProgramName, string CohortName, ParticipantRole Role, string OtherLabel, DateTimeOffset? ClosesAt,
        bool Open, int MostRanked, IReadOnlyList<Candidate> Candidates);

    public static async Task<Outcome<View>> Handle(Guid cohortId, Viewer viewer, FlipsideDb db, TimeProvider clock, CancellationToken ct)
    {
        var loaded = await RankedChoice.Load(cohortId, viewer, db, clock, ct);
        if (loaded.Problem is { } problem) return problem;
        var c = loaded.Value;
        var me = c.Choosing.Me;
        var ranks = await db.Preferences.Where(p => p.EnrollmentId == me.EnrollmentId)
            .Join(db.Enrollments, p => p.RankedEnrollmentId, e => e.Id, (p, e) => new { e.PersonId, p.Rank })
            .ToDictionaryAsync(p => p.PersonId, p => p.Rank, ct);
        var suggested = RankedChoice.Suggested(c);
        var ids = suggested.Select(s => RankedChoice.Other(c, s)).ToList();
        var people = await db.People.Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => new { p.Name, p.Title, p.Department }, ct);
        var candidates = suggested.Select(s =>
        {
            var id = RankedChoice.Other(c, s);
            var person = people[id];
            var reasons = c.Role == ParticipantRole.Mentee
                ? MatchExplanations.For(Audience.Mentee, me.Name, person.Name, s.Parts)
                : MatchExplanations.For(Audience.Mentor, person.Name, me.Name, s.Parts);
            return new Candidate(id, person.Name, person.Title, person.Department, reasons, ranks.TryGetValue(id, out var rank) ? rank : null);
        }).ToList();
        return new View(cohortId, c.Choosing.Program.Name, c.Choosing.Cohort.Name, c.Role, c.OtherLabel, c.ClosesAt, c.Open(clock.GetUtcNow()),
            Preference.MostRanked, candidates);
    }
}
