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
/// that flagged each. Metadata only; sent only when some pair is at risk, so a quiet week sends nothing. It spans
/// programs, so its language is the manager's own (<see cref="LanguageFor"/>) rather than one program's.
/// </summary>
public sealed class ManagerDigest(FlipsideDb db, PublicUrl url) : INudgeSource
{
    public async Task<IReadOnlyList<DueNudge>> DueAsync(DateTimeOffset now, CancellationToken ct)
    {
        var managers = await db.ProgramManagers
            .Join(db.Users, m => m.UserId, u => u.Id, (m, u) => new { m.ProgramId, u.Email })
            .Join(db.Programs.Where(p => p.Status == ProgramStatus.Active), m => m.ProgramId, p => p.Id, (m, p) => new { m.ProgramId, m.Email, p.Language })
            .ToListAsync(ct);
        if (managers.Count == 0) return [];
        var emails = managers.Select(m => m.Email!.ToLowerInvariant()).Distinct().ToList();
        var people = await db.People.Where(p => emails.Contains(p.Email)).ToDictionaryAsync(p => p.Email, p => new { p.Id, p.TimeZone, p.Languages }, ct);
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
            var texts = NudgeTexts.For(LanguageFor(person?.Languages ?? "", [.. manager.Select(m => m.Language)]));
            var email = texts.ManagerDigest(mine.Count, List(mine, texts), url.Link("/Programs"));
            due.Add(new(NudgeKind.ManagerDigest, $"digest:{monday:yyyy-MM-dd}", reader.Email, null, LocalTime.At(monday, NudgeCatalog.MorningHour, reader.Zone),
                at => new OutboxMessage(reader.Email, email.Subject, email.Body, null, at)));
        }
        return due;
    }

    /// <summary>
    /// The manager's own language when their directory entry names exactly one that Flipside writes; else the language
    /// all the programs in the digest share, unless the manager's entry says they do not speak it; else English.
    /// </summary>
    public static string LanguageFor(string spoken, IReadOnlyCollection<string> programLanguages)
    {
        var theirs = spoken.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select(code => code.ToLowerInvariant()).Where(ProgramLanguages.IsKnown).Distinct().ToList();
        if (theirs.Count == 1) return theirs[0];
        var shared = programLanguages.Distinct().ToList();
        return shared.Count == 1 && (theirs.Count == 0 || theirs.Contains(shared[0])) ? shared[0] : ProgramLanguages.Default;
    }

    private static string List(IReadOnlyList<PairRisks.AtRisk> risks, NudgeTexts texts)
    {
        var text = new StringBuilder();
        foreach (var program in risks.GroupBy(r => (r.ProgramId, r.ProgramName)))
        {
            text.Append(CultureInfo.InvariantCulture, $"\n{program.Key.ProgramName}\n");
            foreach (var r in program)
                text.Append(CultureInfo.InvariantCulture, $"- {texts.Pair(r.MenteeName, r.MentorName)} ({r.CohortName}): {string.Join(" ", r.Reasons.Select(texts.Risk))}\n");
        }
        return text.ToString();
    }
}
