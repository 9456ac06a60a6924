using System.Net;
using System.Text;
using Flipside.Data;
using Flipside.Domain;
using Flipside.Features.Shared;
using Flipside.Infrastructure.Jobs;
using Flipside.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace Flipside.Features.Chat;

/// <summary>
/// The chat job: claims due announcements the way the email outbox claims messages (decision 0004), posts each to its
/// program's webhook, and records the outcome right after. A 429 or a server error is tried again after the
/// receiver's Retry-After, or after 1, 2, 4… minutes; a webhook that is gone (404, 410, 403) is given up on at once.
/// </summary>
public sealed class ChatSender(FlipsideDb db, IHttpClientFactory http, PublicUrl url, ChatWebhookSecrets secrets, ChatOptions options, TimeProvider clock,
    ILogger<ChatSender> log) : IJob
{
    public const string Name = "chat";
    public const string HttpClientName = "chat-webhooks";
    private static readonly TimeSpan ClaimFor = TimeSpan.FromMinutes(5);
    /// <summary>A Retry-After further away than this is taken as this: an announcement a day late is no news.</summary>
    private static readonly TimeSpan LongestWait = TimeSpan.FromHours(1);

    public async Task<int> RunOnceAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var dueIds = await db.ChatDeliveries
            .Where(d => d.SentAt == null && d.FailedAt == null && d.NextAttemptAt <= now && (d.ClaimedUntil == null || d.ClaimedUntil < now))
            .OrderBy(d => d.NextAttemptAt).Select(d => d.Id).Take(50).ToListAsync(ct);
        if (dueIds.Count == 0) return 0;
        var token = Guid.NewGuid();
        var until = now + ClaimFor;
        await db.ChatDeliveries.Where(d => dueIds.Contains(d.Id) && d.SentAt == null && (d.ClaimedUntil == null || d.ClaimedUntil < now))
            .ExecuteUpdateAsync(u => u.SetProperty(d => d.ClaimToken, token).SetProperty(d => d.ClaimedUntil, until), ct);
        var claimed = await db.ChatDeliveries.Where(d => d.ClaimToken == token).OrderBy(d => d.NextAttemptAt).ToListAsync(ct);
        var programIds = claimed.Select(d => d.ProgramId).Distinct().ToList();
        var settings = await db.ProgramChats.AsNoTracking().Where(c => programIds.Contains(c.ProgramId)).ToDictionaryAsync(c => c.ProgramId, ct);
        using var client = http.CreateClient(HttpClientName);
        var sent = 0;
        // Each program's channel is a queue of its own: once a receiver says "slow down", its later news waits too.
        var waiting = new Dictionary<(Guid, ChatChannel), DateTimeOffset>();
        foreach (var delivery in claimed)
        {
            if (!await Renew(delivery.Id, token, ct)) continue;
            var target = settings.GetValueOrDefault(delivery.ProgramId)?.SealedOf(delivery.Channel) is { } stored
                ? await secrets.Open(delivery.ProgramId, delivery.Channel, stored, ct) : null;
            if (waiting.TryGetValue((delivery.ProgramId, delivery.Channel), out var wait)) delivery.WaitUntil(wait);
            else if (target is null) delivery.Refused($"The program no longer has a {delivery.Channel} webhook.", clock.GetUtcNow(), null, permanent: true);
            // Checked again at sending: a URL saved before the host rules, or a host since taken off Chat:AllowedHosts.
            else if (options.Refusal(delivery.Channel, target) is { } refusal) delivery.Refused(refusal, clock.GetUtcNow(), null, permanent: true);
            else if (await Post(client, delivery, target, ct)) sent++;
            else if (delivery.FailedAt is null) waiting[(delivery.ProgramId, delivery.Channel)] = delivery.NextAttemptAt;
            // Saved after each post, never cancelled: the post has happened, and losing its record would post it again.
            await db.SaveChangesAsync(CancellationToken.None);
        }
        return sent;
    }

    private async Task<bool> Post(HttpClient client, ChatDelivery delivery, string target, CancellationToken ct)
    {
        var link = url.Base.TrimEnd('/') + delivery.LinkPath;
        var body = ChatPayloads.For(delivery.Channel, delivery.Title, delivery.Text, link);
        try
        {
            using var content = new StringContent(body, Encoding.UTF8, "application/json");
            using var response = await client.PostAsync(target, content, ct);
            var now = clock.GetUtcNow();
            if (response.IsSuccessStatusCode)
            {
                delivery.Sent(now);
                return true;
            }
            var status = (int)response.StatusCode;
            var retryable = response.StatusCode is HttpStatusCode.TooManyRequests or HttpStatusCode.RequestTimeout || status >= 500;
            var error = $"{delivery.Channel} answered {status} {response.ReasonPhrase}";
            delivery.Refused(error, now, retryable ? RetryAfter(response, now) : null, permanent: !retryable);
            log.LogWarning("Chat announcement {Id} of program {ProgramId}: {Error} (attempt {Attempt})", delivery.Id, delivery.ProgramId, error, delivery.Attempts);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !ct.IsCancellationRequested)
        {
            delivery.Refused($"{delivery.Channel} could not be reached: {e.Message}", clock.GetUtcNow(), null, permanent: false);
            log.LogWarning("Chat announcement {Id} of program {ProgramId} could not be posted: {Error}", delivery.Id, delivery.ProgramId, e.Message);
        }
        return false;
    }

    /// <summary>Retry-After as seconds or as a date; null when the receiver gave none, so the backoff decides.</summary>
    private static TimeSpan? RetryAfter(HttpResponseMessage response, DateTimeOffset now)
    {
        var header = response.Headers.RetryAfter;
        var wait = header?.Delta ?? (header?.Date is { } date ? date - now : null);
        if (wait is null) return null;
        return wait < TimeSpan.Zero ? TimeSpan.Zero : wait > LongestWait ? LongestWait : wait;
    }

    private async Task<bool> Renew(Guid id, Guid token, CancellationToken ct)
    {
        var until = clock.GetUtcNow() + ClaimFor;
        return await db.ChatDeliveries.Where(d => d.Id == id && d.ClaimToken == token && d.SentAt == null)
            .ExecuteUpdateAsync(u => u.SetProperty(d => d.ClaimedUntil, until), ct) == 1;
    }
}
