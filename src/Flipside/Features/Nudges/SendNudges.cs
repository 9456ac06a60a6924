using Flipside.Data;
using Flipside.Domain;
using Flipside.Infrastructure.Jobs;
using Microsoft.EntityFrameworkCore;

namespace Flipside.Features.Nudges;

/// <summary>
/// The nudges job: gathers what every source says is due, drops what was already sent or what the recipient turned
/// off (unless their program requires it), and writes each email with its <see cref="NudgeSent"/> row in one
/// transaction.
/// </summary>
public sealed class SendNudges(FlipsideDb db, IEnumerable<INudgeSource> sources, TimeProvider clock, ILogger<SendNudges> log) : IJob
{
    public const string Name = "nudges";

    /// <summary>A nudge found later than this after its time (the app was down) is dropped: "your meeting is tomorrow" must not come after it.</summary>
    public static readonly TimeSpan LateLimit = TimeSpan.FromHours(12);

    public async Task<int> RunOnceAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var due = new List<DueNudge>();
        foreach (var source in sources)
            due.AddRange((await source.DueAsync(now, ct)).Where(n => n.DueAt <= now && now - n.DueAt <= LateLimit));
        if (due.Count == 0) return 0;

        var subjects = due.Select(n => n.Subject).Distinct().ToList();
        var sent = (await db.NudgesSent.Where(s => subjects.Contains(s.Subject)).Select(s => new { s.Kind, s.Subject, s.Recipient }).ToListAsync(ct))
            .Select(s => (s.Kind, s.Subject, s.Recipient)).ToHashSet();
        var recipients = due.Select(n => n.To).Distinct().ToList();
        var off = await db.NudgeSettings.Where(s => recipients.Contains(s.Email)).ToDictionaryAsync(s => s.Email, s => s.Off, ct);
        var programIds = due.Where(n => n.ProgramId is not null).Select(n => n.ProgramId!.Value).Distinct().ToList();
        var required = await db.Programs.Where(p => programIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.RequiredNudges, ct);

        var written = 0;
        foreach (var nudge in due.DistinctBy(n => (n.Kind, n.Subject, n.To)))
        {
            if (sent.Contains((nudge.Kind, nudge.Subject, nudge.To))) continue;
            var isRequired = nudge.ProgramId is { } programId && required.TryGetValue(programId, out var kinds) && kinds.Contains(nudge.Kind);
            if (!isRequired && off.TryGetValue(nudge.To, out var turnedOff) && turnedOff.Contains(nudge.Kind)) continue;
            db.Outbox.Add(nudge.Compose(now).About(KindName(nudge.Kind), nudge.Subject));
            db.NudgesSent.Add(new NudgeSent(nudge.Kind, nudge.Subject, nudge.To, now));
            written++;
        }
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e)
        {
            // Another instance wrote one of these nudges first, despite the lease (it can lapse, 0007): none of this
            // batch is kept, and the next run sends what is still owed.
            log.LogWarning(e, "Nudges written by another instance at the same time; this batch of {Count} is left to the next run", written);
            return 0;
        }
        return written;
    }

    /// <summary>The outbox's kind for a nudge's email, e.g. "nudge-meeting-soon".</summary>
    public static string KindName(NudgeKind kind) =>
        "nudge" + string.Concat(kind.ToString().Select(c => char.IsUpper(c) ? "-" + char.ToLowerInvariant(c) : c.ToString()));
}
