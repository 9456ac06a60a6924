using Flipside.Data;
using Flipside.Infrastructure.Jobs;
using Microsoft.EntityFrameworkCore;

namespace Flipside.Features.Chat;

/// <summary>
/// Deletes chat deliveries that were sent more than <see cref="KeptFor"/> ago: once posted, the text lives in the channel,
/// and the settings page shows only the latest few. Waiting, retrying and failed deliveries stay, since they still
/// explain something to a manager. One statement, so a run that is repeated or cut short leaves nothing half done.
/// </summary>
public sealed class ChatRetention(FlipsideDb db, TimeProvider clock) : IJob
{
    public const string Name = "chat-retention";
    public static readonly TimeSpan KeptFor = TimeSpan.FromDays(90);

    public async Task<int> RunOnceAsync(CancellationToken ct)
    {
        var before = clock.GetUtcNow() - KeptFor;
        return await db.ChatDeliveries.Where(d => d.SentAt != null && d.SentAt < before).ExecuteDeleteAsync(ct);
    }
}
