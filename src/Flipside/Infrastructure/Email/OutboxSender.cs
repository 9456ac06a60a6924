using Flipside.Data;
using Flipside.Domain;
using Flipside.Infrastructure.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Flipside.Infrastructure.Email;

/// <summary>
/// Sends due outbox messages. Each message is claimed with a conditional update first, so when several
/// app instances run this job only one of them sends a given message.
/// </summary>
public sealed class OutboxSender(FlipsideDb db, IMailTransport transport, IOptions<SmtpSettings> smtp, TimeProvider clock, ILogger<OutboxSender> log) : IJob
{
    private static readonly TimeSpan ClaimFor = TimeSpan.FromMinutes(5);

    public async Task<int> RunOnceAsync(CancellationToken ct)
    {
        if (!smtp.Value.IsConfigured) return 0;
        var now = clock.GetUtcNow();
        var dueIds = await db.Outbox.Where(OutboxMessage.Pending)
            .Where(m => m.NextAttemptAt <= now && (m.ClaimedUntil == null || m.ClaimedUntil < now))
            .OrderBy(m => m.NextAttemptAt).Select(m => m.Id).Take(50).ToListAsync(ct);
        if (dueIds.Count == 0) return 0;

        var token = Guid.NewGuid();
        var until = now + ClaimFor;
        await db.Outbox
            .Where(m => dueIds.Contains(m.Id) && m.SentAt == null && (m.ClaimedUntil == null || m.ClaimedUntil < now))
            .ExecuteUpdateAsync(u => u.SetProperty(m => m.ClaimToken, token).SetProperty(m => m.ClaimedUntil, until), ct);
        var claimed = await db.Outbox.Where(m => m.ClaimToken == token).ToListAsync(ct);
        if (claimed.Count == 0) return 0;

        var byMime = new Dictionary<MimeMessage, OutboxMessage>();
        foreach (var message in claimed)
        {
            try { byMime.Add(ToMime(message), message); }
            catch (ParseException e)
            {
                // One message the mail library cannot write (a bad address) must not hold up the rest of the batch.
                message.MarkFailed(e.Message, now);
                log.LogWarning("Email {Id} to {To} cannot be written: {Error}", message.Id, message.To, e.Message);
            }
        }
        if (byMime.Count < claimed.Count) await db.SaveChangesAsync(CancellationToken.None);
        var sent = 0;
        try
        {
            // A batch can outlast the lease (MailKit allows minutes per command), and another instance may then claim
            // the rest: each message's claim is renewed just before it is sent, and the message left if no longer ours.
            await transport.SendAsync([.. byMime.Keys], mime => Renew(byMime[mime].Id, token, ct), async (mime, error) =>
            {
                var message = byMime[mime];
                if (error is null) { message.MarkSent(clock.GetUtcNow()); sent++; }
                else
                {
                    message.MarkFailed(error.Message, clock.GetUtcNow());
                    log.LogWarning("Email {Id} to {To} failed (attempt {Attempt}): {Error}", message.Id, message.To, message.Attempts, error.Message);
                }
                // Saved after each message so a crash mid-batch cannot lead to a second send. Not cancellable:
                // the send has happened, and a shutdown that skipped this save would send the message again.
                await db.SaveChangesAsync(CancellationToken.None);
            }, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            log.LogWarning("SMTP server unavailable: {Error}", e.Message);
            foreach (var message in claimed.Where(m => m.SentAt is null && m.ClaimToken == token))
            {
                // Only messages still ours: another instance may have claimed (and sent) the others meanwhile.
                if (await Renew(message.Id, token, CancellationToken.None)) message.MarkFailed(e.Message, clock.GetUtcNow());
            }
            await db.SaveChangesAsync(CancellationToken.None);
        }
        return sent;
    }

    /// <summary>Extends this sender's claim on one unsent message; false when the claim has passed to another sender.</summary>
    private async Task<bool> Renew(Guid id, Guid token, CancellationToken ct)
    {
        var until = clock.GetUtcNow() + ClaimFor;
        return await db.Outbox.Where(m => m.Id == id && m.ClaimToken == token && m.SentAt == null)
            .ExecuteUpdateAsync(u => u.SetProperty(m => m.ClaimedUntil, until), ct) == 1;
    }

    private MimeMessage ToMime(OutboxMessage m)
    {
        var mime = new MimeMessage { Subject = m.Subject };
        mime.From.Add(MailboxAddress.Parse(smtp.Value.From));
        mime.To.Add(MailboxAddress.Parse(m.To));
        mime.MessageId = $"{m.Id:N}@flipside";
        var body = new BodyBuilder { TextBody = m.TextBody, HtmlBody = m.HtmlBody };
        foreach (var a in m.Attachments)
        {
            // Base64 even for text (an .ics): line-based encodings let servers on the way rewrite line endings, and
            // iCalendar needs its CRLFs; this way the bytes the feature wrote are the bytes that arrive.
            var part = body.Attachments.Add(a.FileName, a.Content, ContentType.Parse(a.ContentType));
            if (part is MimePart mimePart) mimePart.ContentTransferEncoding = ContentEncoding.Base64;
        }
        mime.Body = body.ToMessageBody();
        return mime;
    }
}
