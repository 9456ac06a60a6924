using System.Security.Cryptography;
using System.Text;
using Flipside.Data;
using Flipside.Domain;
using Microsoft.EntityFrameworkCore;

namespace Flipside.Infrastructure.Security;

/// <summary>
/// Seals programs' chat webhook URLs, which are credentials (whoever has one posts to the channel), with an
/// installation key kept wrapped by the KEK (<see cref="SealedSecret.ChatWebhooks"/>, decision 0006): AES-256-GCM bound
/// to the program and the channel, so a value copied to another program or channel does not open. A database copy
/// alone reveals only each URL's masked form.
/// </summary>
public sealed class ChatWebhookSecrets(FlipsideDb db, Envelope envelope, TimeProvider clock)
{
    /// <summary>Marks a sealed value; a stored URL without it was saved before sealing and is sealed at start-up.</summary>
    public const string Prefix = "sealed:v1:";
    private static readonly byte[] Bound = Encoding.UTF8.GetBytes(SealedSecret.ChatWebhooks);
    private byte[]? _key;

    /// <summary>Call before staging other changes: the first use makes and saves the key.</summary>
    public async Task<SealedWebhook> Seal(Guid programId, ChatChannel channel, string url, CancellationToken ct)
    {
        _key ??= await Key(ct);
        var sealedBytes = Envelope.Seal(_key, Encoding.UTF8.GetBytes(url), Purpose(programId, channel));
        return new(Prefix + Convert.ToBase64String(sealedBytes), Mask(url));
    }

    /// <summary>Throws a <see cref="CryptographicException"/> when the value was changed or belongs to another program or channel.</summary>
    public async Task<string> Open(Guid programId, ChatChannel channel, string stored, CancellationToken ct)
    {
        if (!stored.StartsWith(Prefix, StringComparison.Ordinal)) return stored;
        _key ??= await Key(ct);
        return Encoding.UTF8.GetString(Envelope.Open(_key, Convert.FromBase64String(stored[Prefix.Length..]), Purpose(programId, channel)));
    }

    /// <summary>What pages and the API show of a saved URL: its host and last four characters, enough to tell two apart.</summary>
    public static string Mask(string url)
    {
        var host = Uri.TryCreate(url, UriKind.Absolute, out var uri) ? uri.Host : "";
        var tail = url.Length > 12 ? url[^4..] : "";
        return $"{uri?.Scheme ?? "https"}://{host}/…{tail}";
    }

    /// <summary>Seals every URL still stored in clear (saved before sealing existed); run at start-up, after migrations. Returns how many.</summary>
    public async Task<int> SealPlaintext(CancellationToken ct)
    {
        var open = await db.ProgramChats
            .Where(c => (c.SlackSealed != null && !c.SlackSealed.StartsWith(Prefix)) || (c.TeamsSealed != null && !c.TeamsSealed.StartsWith(Prefix)))
            .ToListAsync(ct);
        var count = 0;
        foreach (var chat in open)
        {
            foreach (var channel in Enum.GetValues<ChatChannel>())
                if (chat.SealedOf(channel) is { } stored && !stored.StartsWith(Prefix, StringComparison.Ordinal))
                {
                    chat.Reseal(channel, await Seal(chat.ProgramId, channel, stored, ct));
                    count++;
                }
        }
        if (count > 0) await db.SaveChangesAsync(ct);
        return count;
    }

    private static byte[] Purpose(Guid programId, ChatChannel channel) => [.. programId.ToByteArray(), .. Encoding.UTF8.GetBytes($"chat-webhook:{channel}")];

    private async Task<byte[]> Key(CancellationToken ct)
    {
        var row = await db.SealedSecrets.AsNoTracking().FirstOrDefaultAsync(s => s.Name == SealedSecret.ChatWebhooks, ct) ?? await Create(ct);
        return envelope.Unwrap(new WrappedKey(row.KekId, row.Wrapped), Bound);
    }

    private async Task<SealedSecret> Create(CancellationToken ct)
    {
        var key = Envelope.NewDataKey();
        try
        {
            var wrapped = envelope.Wrap(key, Bound);
            var row = new SealedSecret(SealedSecret.ChatWebhooks, wrapped.KekId, wrapped.Bytes, clock.GetUtcNow());
            db.SealedSecrets.Add(row);
            try
            {
                await db.SaveChangesAsync(ct);
                return row;
            }
            catch (DbUpdateException)
            {
                // Two first saves at the same moment: the other key won (the name is the primary key); use it.
                db.Entry(row).State = EntityState.Detached;
                return await db.SealedSecrets.AsNoTracking().FirstAsync(s => s.Name == SealedSecret.ChatWebhooks, ct);
            }
        }
        finally { CryptographicOperations.ZeroMemory(key); }
    }
}
