using Flipside.Data;
using Flipside.Domain;
using Flipside.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace Flipside.Features.Pairings;

/// <summary>
/// Ranked choice: a participant saves their ranking of up to five of the people suggested to them, replacing the one
/// before. Refused when the program does not use ranked choice or ranking has closed (409), and for anyone not
/// suggested to them, a rank given twice or a person ranked twice (400, naming the entry).
/// </summary>
public static class SaveRanking
{
    /// <summary>One place in the ranking: whom (a person id on the other side) and the rank, 1 first.</summary>
    public sealed record Entry(Guid? PersonId, int? Rank);

    public sealed record Request(Guid CohortId, IReadOnlyList<Entry> Ranking);

    public sealed record Saved(int Ranked, DateTimeOffset? ClosesAt);

    public static async Task<Outcome<Saved>> Handle(Request r, Viewer viewer, FlipsideDb db, TimeProvider clock, CancellationToken ct)
    {
        var loaded = await RankedChoice.Load(r.CohortId, viewer, db, clock, ct);
        if (loaded.Problem is { } problem) return problem;
        var c = loaded.Value;
        var now = clock.GetUtcNow();
        if (!c.Open(now)) return Outcome.Conflict(RankedChoice.Closed(c.ClosesAt!.Value));

        var suggested = RankedChoice.Suggested(c).Select(s => RankedChoice.Other(c, s)).ToHashSet();
        if (Invalid(r.Ranking, suggested, c.OtherLabel) is { Count: > 0 } errors) return Outcome.Invalid(errors);

        var members = c.Choosing.Setup.Compiled.Members;
        var me = c.Choosing.Me;
        // The whole ranking is replaced in one save: a failed save leaves the previous ranking as it was.
        db.Preferences.RemoveRange(await db.Preferences.Where(p => p.EnrollmentId == me.EnrollmentId).ToListAsync(ct));
        foreach (var entry in r.Ranking)
            db.Preferences.Add(new Preference(r.CohortId, me.EnrollmentId, members[entry.PersonId!.Value].EnrollmentId, entry.Rank!.Value, now));
        // Who ranked is recorded, never whom: a ranking is the participant's own.
        db.Record(viewer, now, "ranked-choice.saved", "Cohort", r.CohortId, $"{me.Name} saved a ranking of {Words.Count(r.Ranking.Count, "person")}");
        await db.SaveChangesAsync(ct);
        return new Saved(r.Ranking.Count, c.ClosesAt);
    }

    private static List<FieldError> Invalid(IReadOnlyList<Entry> ranking, HashSet<Guid> suggested, string otherLabel)
    {
        var errors = new List<FieldError>();
        if (ranking.Count > Preference.MostRanked)
        {
            errors.Add(new("ranking", $"Rank up to {Preference.MostRanked} people; you sent {ranking.Count}."));
            return errors;
        }
        var people = new HashSet<Guid>();
        var ranks = new HashSet<int>();
        for (int i = 0; i < ranking.Count; i++)
        {
            var (person, rank) = (ranking[i].PersonId, ranking[i].Rank);
            if (person is not { } id)
                errors.Add(new($"ranking[{i}].personId", "Say whom you rank: personId."));
            else if (!suggested.Contains(id))
                errors.Add(new($"ranking[{i}].personId", $"You can rank only the {Words.Plural(otherLabel)} suggested to you; this person is not one of them."));
            else if (!people.Add(id))
                errors.Add(new($"ranking[{i}].personId", "The same person is ranked twice; give each person one rank."));
            if (rank is not { } place || place < 1 || place > Preference.MostRanked)
                errors.Add(new($"ranking[{i}].rank", $"A rank is a whole number from 1 (first choice) to {Preference.MostRanked}."));
            else if (!ranks.Add(place))
                errors.Add(new($"ranking[{i}].rank", $"Rank {place} is given twice; give each person a different rank."));
        }
        return errors;
    }
}
