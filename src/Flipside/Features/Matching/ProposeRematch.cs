using Flipside.Data;
using Flipside.Domain;
using Flipside.Features.Shared;
using Flipside.Matching;
using Microsoft.EntityFrameworkCore;

namespace Flipside.Features.Matching;

/// <summary>
/// Rematch one person whose pairing ended: the engine scores them against everyone of the other side still free,
/// under every hard rule of the cohort (the ended pair, rejected pairs, reporting lines, grade gap, earlier
/// pairings), and the best eligible partner is proposed. The proposal is the manager's to approve and publish.
/// </summary>
public static class ProposeRematch
{
    public sealed record Request(Guid CohortId, Guid PersonId);

    public sealed record Proposed(Guid PairingId, Guid PartnerPersonId, string PartnerName, long Score);

    public static async Task<Outcome<Proposed>> Handle(Request r, Viewer viewer, FlipsideDb db, TimeProvider clock, CancellationToken ct)
    {
        var cohort = await viewer.ManagedCohorts.Include(c => c.Program).FirstOrDefaultAsync(c => c.Id == r.CohortId, ct);
        if (cohort is null) return Outcome.NotFound;
        if (RunMatching.CanMatch(cohort) is { } refusal) return refusal;
        var last = await db.MatchRuns.Where(m => m.CohortId == r.CohortId).OrderByDescending(m => m.StartedAt)
            .Select(m => new { m.Weights, m.Objective }).FirstOrDefaultAsync(ct);
        if (await MatchSetup.Build(r.CohortId, last?.Weights ?? new(), last?.Objective ?? MatchObjective.MostPairs, viewer, db, ct) is not { } setup)
            return Outcome.NotFound;
        if (!setup.Compiled.Members.TryGetValue(r.PersonId, out var person))
        {
            var why = setup.Compiled.Skipped.FirstOrDefault(s => s.PersonId == r.PersonId)?.Reason ?? "they are not enrolled in this cohort";
            return Outcome.Invalid("personId", $"This person cannot be rematched: {why}.");
        }
        var free = FreeNow(setup);
        if (!free.Contains(r.PersonId)) return Outcome.Conflict($"{person.Name} is already in a pairing. End it first, or choose someone who is free.");

        var isMentee = person.Role == ParticipantRole.Mentee;
        var whole = setup.Request with { Mentees = setup.Compiled.Request.Mentees, Mentors = setup.Compiled.Request.Mentors, Locked = [] };
        var best = setup.Compiled.Members.Where(m => m.Value.Role != person.Role && free.Contains(m.Key))
            .Select(m => (Partner: m, Explained: isMentee
                ? Matcher.Explain(whole, r.PersonId.ToString(), m.Key.ToString())
                : Matcher.Explain(whole, m.Key.ToString(), r.PersonId.ToString())))
            .Where(c => c.Explained.Eligible)
            .OrderByDescending(c => c.Explained.Score).ThenBy(c => c.Partner.Value.Name, StringComparer.Ordinal).ThenBy(c => c.Partner.Key)
            .FirstOrDefault();
        if (best.Explained is null)
            return Outcome.Conflict($"No one free in this cohort can be paired with {person.Name} under the program's rules. Invite more people, or wait for a pairing to end.");

        var (mentee, mentor) = isMentee ? (person, best.Partner.Value) : (best.Partner.Value, person);
        var now = clock.GetUtcNow();
        var pairing = new Pairing(r.CohortId, mentor.EnrollmentId, mentee.EnrollmentId, best.Explained.Score,
            PairingReasons.For(mentee.Name, mentor.Name, best.Explained.Parts), null, now);
        db.Pairings.Add(pairing);
        cohort.Version++;
        db.Record(viewer, now, "pairing.rematch-proposed", "Pairing", pairing.Id, $"{mentee.Name} with {mentor.Name}, score {best.Explained.Score}");
        await db.SaveChangesAsync(ct);
        return new Proposed(pairing.Id, best.Partner.Key, best.Partner.Value.Name, best.Explained.Score);
    }

    /// <summary>People of the cohort ready to be paired now: no pairing holds them, or (a mentor) one with room left.</summary>
    public static HashSet<Guid> FreeNow(MatchSetup.Setup setup)
    {
        var holding = setup.Pairings.Where(p => Pairing.Holding.Contains(p.Status)).ToList();
        var capacity = setup.Compiled.Request.Mentors.ToDictionary(m => m.Id, m => m.Capacity);
        return [.. setup.Compiled.Members.Where(m => m.Value.Role == ParticipantRole.Mentee
                ? holding.All(p => p.MenteePersonId != m.Key)
                : holding.Count(p => p.MentorPersonId == m.Key) < capacity.GetValueOrDefault(m.Key.ToString()))
            .Select(m => m.Key)];
    }
}
