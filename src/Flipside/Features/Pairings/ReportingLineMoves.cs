using Flipside.Data;
using Flipside.Domain;
using Flipside.Features.Matching;
using Flipside.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace Flipside.Features.Pairings;

/// <summary>
/// After the directory changes (an import, or undoing one), finds running pairings that now sit inside a reporting
/// line, at any depth either way, and tells their program managers: a notice on the cohort's pages until they
/// pause, end or keep the pairing, and one email per pairing each time the line moves. Pairings that left a line
/// are cleared, so moving back into one is news again.
/// </summary>
public static class ReportingLineMoves
{
    public const string EmailKind = "pairing-reporting-line";

    /// <summary>
    /// Flags and clears in the caller's transaction; returns how many pairings were newly flagged. <paramref name="moved"/>,
    /// when one person's manager changed, narrows the check to the pairings that move can affect.
    /// </summary>
    public static async Task<int> Check(FlipsideDb db, Viewer viewer, DateTimeOffset now, CancellationToken ct, Guid? moved = null)
    {
        var running = db.Pairings.Where(p => Pairing.Running.Contains(p.Status));
        if (moved is { } person)
        {
            // A line can only appear or vanish between two people when one of them is the person who moved or sits below
            // them: their chain is the only one that changed. Found from ids alone, so a provisioning client changing one
            // manager at a time does not load every running pairing with its program and people for each change.
            var ends = await running.Select(p => new { p.Id, Mentor = p.MentorEnrollment.PersonId, Mentee = p.MenteeEnrollment.PersonId }).ToListAsync(ct);
            var above = await ReportingLines.ChainsAsync(db, [.. ends.SelectMany(e => new[] { e.Mentor, e.Mentee }).Distinct()], ct);
            bool Moves(Guid who) => who == person || (above.TryGetValue(who, out var chain) && chain.Contains(person));
            var affected = ends.Where(e => Moves(e.Mentor) || Moves(e.Mentee)).Select(e => e.Id).ToList();
            if (affected.Count == 0) return 0;
            running = running.Where(p => affected.Contains(p.Id));
        }
        var pairings = await running
            .Include(p => p.Cohort).ThenInclude(c => c.Program).ThenInclude(p => p.Managers)
            .Include(p => p.MentorEnrollment).ThenInclude(e => e.Person).Include(p => p.MenteeEnrollment).ThenInclude(e => e.Person)
            .ToListAsync(ct);
        if (pairings.Count == 0) return 0;
        var chains = await ReportingLines.ChainsAsync(db,
            [.. pairings.SelectMany(p => new[] { p.MentorEnrollment.PersonId, p.MenteeEnrollment.PersonId }).Distinct()], ct);
        var flagged = new List<Pairing>();
        foreach (var pairing in pairings)
        {
            var line = Between(pairing.MentorEnrollment.PersonId, pairing.MenteeEnrollment.PersonId, chains);
            if (line is { } found ? pairing.FlagReportingLine(found.Above, found.Levels, now) : ClearIfFlagged(pairing))
            {
                if (line is not null) flagged.Add(pairing);
                // An import turns automatic change detection off for speed; this entity is one of few, so detect here.
                db.Entry(pairing).DetectChanges();
            }
        }
        var managerIds = flagged.SelectMany(p => p.Cohort.Program.Managers.Select(m => m.UserId)).Distinct().ToList();
        var managers = await db.Users.Where(u => managerIds.Contains(u.Id) && u.IsActive && u.Email != null).ToDictionaryAsync(u => u.Id, u => u.Email!, ct);
        foreach (var pairing in flagged)
        {
            var words = Describe(pairing);
            foreach (var email in pairing.Cohort.Program.Managers.Select(m => managers.GetValueOrDefault(m.UserId)).OfType<string>())
                db.Outbox.Add(Email(pairing, email, words, now));
            db.Record(viewer, now, "pairing.reporting-line", "Pairing", pairing.Id, words);
        }
        await db.SaveChangesAsync(ct);
        return flagged.Count;
    }

    /// <summary>Who is above whom, and by how many levels, or null when neither is in the other's chain.</summary>
    public static (PairingActor Above, int Levels)? Between(Guid mentor, Guid mentee, IReadOnlyDictionary<Guid, IReadOnlyList<Guid>> chains)
    {
        if (Levels(chains, below: mentee, above: mentor) is { } up) return (PairingActor.Mentor, up);
        if (Levels(chains, below: mentor, above: mentee) is { } down) return (PairingActor.Mentee, down);
        return null;
    }

    private static int? Levels(IReadOnlyDictionary<Guid, IReadOnlyList<Guid>> chains, Guid below, Guid above)
    {
        if (!chains.TryGetValue(below, out var chain)) return null;
        for (int i = 0; i < chain.Count; i++)
            if (chain[i] == above) return i + 1;
        return null;
    }

    /// <summary>The line in words, for the program manager: "Ana Silva is now Ben Ode's manager".</summary>
    public static string Describe(string mentorName, string menteeName, PairingActor above, int levels)
    {
        var (top, below) = above == PairingActor.Mentor ? (mentorName, menteeName) : (menteeName, mentorName);
        return levels == 1 ? $"{top} is now {below}'s manager" : $"{top} is now {levels} levels above {below} in the reporting line";
    }

    private static string Describe(Pairing p) =>
        Describe(p.MentorEnrollment.Person.Name, p.MenteeEnrollment.Person.Name, p.ReportingLineAbove!.Value, p.ReportingLineLevels!.Value);

    private static bool ClearIfFlagged(Pairing pairing)
    {
        if (pairing.ReportingLineFlaggedAt is null) return false;
        pairing.ClearReportingLine();
        return true;
    }

    private static OutboxMessage Email(Pairing pairing, string managerEmail, string words, DateTimeOffset now) =>
        new OutboxMessage(managerEmail, $"A pairing in {pairing.Cohort.Program.Name} is now inside a reporting line", $"""
            Hello,

            The directory has changed: {words}. They are paired in {pairing.Cohort.Program.Name} ({pairing.Cohort.Name}),
            and a pairing is never meant to sit inside a reporting line, where one partner could judge the other's work.

            Open the cohort's matching board to pause or end the pairing, or to keep it and record why.
            """, null, now).ForProgram(pairing.Cohort.ProgramId).About(EmailKind, $"pairing:{pairing.Id}/{now.ToUnixTimeMilliseconds()}/{managerEmail}");
}
