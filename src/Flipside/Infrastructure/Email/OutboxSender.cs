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
        var dueIds = await db.Outbox
            .Where(m => m.SentAt == null && m.FailedAt == null && m.NextAttemptAt <= now && (m.ClaimedUntil == null || m.ClaimedUntil < now))
            .OrderBy(m => m.NextAttemptAt).Select(m => m.Id).Take(50).ToListAsync(ct);
        if (dueIds.Count == 0) return 0;

        var token = Guid.NewGuid();
        var until = now + ClaimFor;
        await db.Outbox
            .Where(m => dueIds.Contains(m.Id) && m.SentAt == null && (m.ClaimedUntil == null || m.ClaimedUntil < now))
            .ExecuteUpdateAsync(u => u.SetProperty(m => m.ClaimToken, token).SetProperty(m => m.ClaimedUntil, until), ct);
        var claimed = await db.Outbox.Where(m => m.ClaimToken == token).ToListAsync(ct);
        if (claimed.Count == 0) return 0;

        var byMime = claimed.ToDictionary(ToMime);
        var sent = 0;
        try
        {
            await transport.SendAsync([.. byMime.Keys], async (mime, error) =>
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
                message.MarkFailed(e.Message, clock.GetUtcNow());
            await db.SaveChangesAsync(CancellationToken.None);
        }
        return sent;
    }

    private MimeMessage ToMime(OutboxMessage m)
    {
        var mime = new MimeMessage { Subject = m.Subject };
        mime.From.Add(MailboxAddress.Parse(smtp.Value.From));
        mime.To.Add(MailboxAddress.Parse(m.To));
        mime.MessageId = $"{m.Id:N}@flipside";
        var body = new BodyBuilder { TextBody = m.TextBody, HtmlBody = m.HtmlBody };
        mime.Body = body.ToMessageBody();
        return mime;
    }
}
