using System.Globalization;
using System.Text;
using Flipside.Data;
using Flipside.Domain;
using Flipside.Features.Sessions;
using Flipside.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace Flipside.Features.Nudges;

/// <summary>
/// Mondays at 9:00 in each program manager's time zone: the pairs at risk in the programs they manage, and the rule
/// that flagged each. Metadata only; sent only when some pair is at risk, so a quiet week sends nothing.
/// </summary>
public sealed class ManagerDigest(FlipsideDb db, PublicUrl url) : INudgeSource
{
    public async Task<IReadOnlyList<DueNudge>> DueAsync(DateTimeOffset now, CancellationToken ct)
    {
        var managers = await db.ProgramManagers
            .Join(db.Users, m => m.UserId, u => u.Id, (m, u) => new { m.ProgramId, u.Email })
            .Join(db.Programs.Where(p => p.Status == ProgramStatus.Active), m => m.ProgramId, p => p.Id, (m, p) => m)
            .ToListAsync(ct);
        if (managers.Count == 0) return [];
        var emails = managers.Select(m => m.Email!.ToLowerInvariant()).Distinct().ToList();
        var people = await db.People.Where(p => emails.Contains(p.Email)).ToDictionaryAsync(p => p.Email, p => new { p.Id, p.TimeZone }, ct);
        var risks = await PairRisks.In([.. managers.Select(m => m.ProgramId).Distinct()], db, now, ct);
        if (risks.Count == 0) return [];

        var due = new List<DueNudge>();
        foreach (var manager in managers.GroupBy(m => m.Email!.ToLowerInvariant()))
        {
            var programs = manager.Select(m => m.ProgramId).ToHashSet();
            var person = people.GetValueOrDefault(manager.Key);
            var mine = await PairRisks.AsSeenBy([.. risks.Where(r => programs.Contains(r.ProgramId))], person?.Id, db, ct);
            if (mine.Count == 0) continue;
            var reader = new Reader { Name = manager.Key, Email = manager.Key, TimeZone = person?.TimeZone ?? "UTC" };
            var today = LocalTime.DateAt(now, reader.Zone);
            var monday = today.AddDays(-(((int)today.DayOfWeek + 6) % 7));
            due.Add(new(NudgeKind.ManagerDigest, $"digest:{monday:yyyy-MM-dd}", reader.Email, null, LocalTime.At(monday, NudgeCatalog.MorningHour, reader.Zone),
                at => new OutboxMessage(reader.Email, $"{Words.Count(mine.Count, "pair")} at risk this week", Body(mine), null, at)));
        }
        return due;
    }

    private string Body(IReadOnlyList<PairRisks.AtRisk> risks)
    {
        var text = new StringBuilder("Hello,\n\nThese pairs in the programs you manage need a word this week. Each line says which rule flagged it; ")
            .Append("nothing here comes from their notes or messages, which stay theirs.\n");
        foreach (var program in risks.GroupBy(r => (r.ProgramId, r.ProgramName)))
        {
            text.Append(CultureInfo.InvariantCulture, $"\n{program.Key.ProgramName}\n");
            foreach (var r in program)
                text.Append(CultureInfo.InvariantCulture, $"- {r.MenteeName} and {r.MentorName} ({r.CohortName}): {string.Join(" ", r.Reasons.Select(x => x.Text))}\n");
        }
        text.Append(CultureInfo.InvariantCulture, $"\nEach cohort's meetings page shows the counts: {url.Link("/Programs")}\n");
        return text.ToString();
    }
}
