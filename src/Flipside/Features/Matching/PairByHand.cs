using Flipside.Data;
using Flipside.Domain;
using Flipside.Features.Shared;
using Flipside.Matching;
using Microsoft.EntityFrameworkCore;

namespace Flipside.Features.Matching;

/// <summary>
/// A program manager pairs two people themselves. A hard rule the pair breaks refuses it, naming the rule; a weak
/// pair is made, with a warning, because the manager may know what the profiles do not.
/// </summary>
public static class PairByHand
{
    public sealed record Request(Guid CohortId, Guid MenteePersonId, Guid MentorPersonId);

    public sealed record Made(Guid PairingId, long Score, string? Warning);

    public static async Task<Outcome<Made>> Handle(Request r, Viewer viewer, FlipsideDb db, TimeProvider clock, CancellationToken ct)
    {
        var cohort = await viewer.ManagedCohorts.Include(c => c.Program).FirstOrDefaultAsync(c => c.Id == r.CohortId, ct);
        if (cohort is null) return Outcome.NotFound;
        if (RunMatching.CanMatch(cohort) is { } refusal) return refusal;
        var last = await db.MatchRuns.Where(m => m.CohortId == r.CohortId).OrderByDescending(m => m.StartedAt)
            .Select(m => new { m.Weights, m.Objective, m.Total, m.Pairs }).FirstOrDefaultAsync(ct);
        if (await MatchSetup.Build(r.CohortId, last?.Weights ?? new(), last?.Objective ?? MatchObjective.MostPairs, viewer, db, ct) is not { } setup)
            return Outcome.NotFound;

        if (await Absent(r.MenteePersonId, ParticipantRole.Mentee, "menteePersonId", setup, db, ct) is { } noMentee) return noMentee;
        if (await Absent(r.MentorPersonId, ParticipantRole.Mentor, "mentorPersonId", setup, db, ct) is { } noMentor) return noMentor;
        var mentee = setup.Compiled.Members[r.MenteePersonId];
        var mentor = setup.Compiled.Members[r.MentorPersonId];
        var holding = setup.Pairings.Where(p => Pairing.Holding.Contains(p.Status)).ToList();
        if (holding.FirstOrDefault(p => p.MenteePersonId == r.MenteePersonId) is { } taken)
            return Outcome.Conflict($"{mentee.Name} is already in a pairing ({Pairing.Describe(taken.Status)}). Reject or end that pairing first.");
        int capacity = setup.Compiled.Request.Mentors.Single(m => m.Id == r.MentorPersonId.ToString()).Capacity;
        if (holding.Count(p => p.MentorPersonId == r.MentorPersonId) >= capacity)
            return Outcome.Conflict($"{mentor.Name} already has {Words.Count(capacity, "pairing")}, the program's capacity for a mentor.");

        // Explained against everyone enrolled, not only those still free, with the cohort's exclusions and earlier pairs.
        var whole = setup.Request with { Mentees = setup.Compiled.Request.Mentees, Mentors = setup.Compiled.Request.Mentors, Locked = [] };
        var explained = Matcher.Explain(whole, r.MenteePersonId.ToString(), r.MentorPersonId.ToString());
        if (!explained.Eligible)
            return Outcome.Conflict($"{mentee.Name} and {mentor.Name} cannot be paired: {string.Join("; ", explained.Constraints)}.");

        var now = clock.GetUtcNow();
        var pairing = Pairing.ByPerson(r.CohortId, mentor.EnrollmentId, mentee.EnrollmentId, explained.Score,
            PairingReasons.For(mentee.Name, mentor.Name, explained.Parts), viewer.UserId, now);
        db.Pairings.Add(pairing);
        cohort.Version++;
        db.Record(viewer, now, "pairing.by-hand", "Pairing", pairing.Id, $"{mentee.Name} with {mentor.Name}, score {explained.Score}");
        await db.SaveChangesAsync(ct);
        return new Made(pairing.Id, explained.Score, Weak(explained.Score, last?.Total, last?.Pairs));
    }

    // A warning, not a refusal: below half the last run's average pair, or nothing in common at all.
    private static string? Weak(long score, long? total, int? pairs)
    {
        if (score <= 0) return "This pair has nothing in the profiles in common (score 0). It was made because you chose it; check it is what you meant.";
        if (pairs is > 0 && score * 2 < total / pairs)
            return $"This pair scores {score}, under half the last run's average pair ({total / pairs}). It was made because you chose it.";
        return null;
    }

    private static string RoleName(ParticipantRole role) => role == ParticipantRole.Mentee ? "leader" : "mentor";

    private static async Task<Problem?> Absent(Guid personId, ParticipantRole role, string field, MatchSetup.Setup setup, FlipsideDb db, CancellationToken ct)
    {
        if (setup.Compiled.Members.TryGetValue(personId, out var member))
            return member.Role == role ? null : Outcome.Invalid(field, $"{member.Name} takes part as {Words.WithArticle(RoleName(member.Role))}, not as {Words.WithArticle(RoleName(role))}.");
        if (setup.Compiled.Skipped.FirstOrDefault(s => s.PersonId == personId) is { } skipped)
            return Outcome.Conflict($"{skipped.Name} cannot be paired: {skipped.Reason}.");
        var person = await db.People.Where(p => p.Id == personId).Select(p => new { p.Name, p.Status }).FirstOrDefaultAsync(ct);
        if (person?.Status == PersonStatus.Left) return Outcome.Conflict($"{person.Name} cannot be paired: has left the organisation.");
        return Outcome.Invalid(field, person is null ? "There is no such person in the directory." : $"{person.Name} is not enrolled in this cohort.");
    }
}
