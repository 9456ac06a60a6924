using System.Security.Cryptography;
using System.Text;
using Flipside.Data;
using Flipside.Domain;
using Microsoft.EntityFrameworkCore;

namespace Flipside.Infrastructure.Security;

/// <summary>
/// Seals and opens what only a pair may read, with the pairing's own data key (envelope encryption, decision 0006).
/// Each sealed value is bound to the pairing and to a purpose naming its row and field (e.g. "note:{id}"), so a
/// ciphertext copied to another row or pairing does not open. Access checks happen before: this only does the crypto.
/// </summary>
public sealed class PairingSecrets(FlipsideDb db, Envelope envelope, TimeProvider clock)
{
    private readonly Dictionary<Guid, byte[]> _keys = [];

    /// <summary>The pairing's data key, made and saved on first use. Call before staging other changes: it saves.</summary>
    public async Task<PairingCipher> For(Guid pairingId, CancellationToken ct)
    {
        if (_keys.TryGetValue(pairingId, out var known)) return new(pairingId, known);
        var row = await db.PairingKeys.AsNoTracking().FirstOrDefaultAsync(k => k.PairingId == pairingId, ct) ?? await Create(pairingId, ct);
        var key = envelope.Unwrap(new WrappedKey(row.KekId, row.Wrapped), pairingId.ToByteArray());
        _keys[pairingId] = key;
        return new(pairingId, key);
    }

    private async Task<PairingKey> Create(Guid pairingId, CancellationToken ct)
    {
        var dataKey = Envelope.NewDataKey();
        try
        {
            var wrapped = envelope.Wrap(dataKey, pairingId.ToByteArray());
            var row = new PairingKey(pairingId, wrapped.KekId, wrapped.Bytes, clock.GetUtcNow());
            db.PairingKeys.Add(row);
            try
            {
                await db.SaveChangesAsync(ct);
                return row;
            }
            catch (DbUpdateException)
            {
                // Both partners wrote their first note at the same moment: the other key won; use it.
                db.Entry(row).State = EntityState.Detached;
                return await db.PairingKeys.AsNoTracking().FirstAsync(k => k.PairingId == pairingId, ct);
            }
        }
        finally { CryptographicOperations.ZeroMemory(dataKey); }
    }

    /// <summary>Moves every stored pairing key onto the current KEK; returns how many moved (rotation step 4 of 0006).</summary>
    public async Task<int> RewrapAll(CancellationToken ct)
    {
        var moved = 0;
        foreach (var row in await db.PairingKeys.ToListAsync(ct))
        {
            var again = envelope.Rewrap(new WrappedKey(row.KekId, row.Wrapped), row.PairingId.ToByteArray());
            if (again.KekId == row.KekId) continue;
            row.Rewrapped(again.KekId, again.Bytes);
            moved++;
        }
        if (moved > 0) await db.SaveChangesAsync(ct);
        return moved;
    }
}

/// <summary>One pairing's data key, ready to seal and open text for a named purpose.</summary>
public sealed class PairingCipher(Guid pairingId, byte[] key)
{
    public byte[] Seal(string text, string purpose) => Envelope.Seal(key, Encoding.UTF8.GetBytes(text), Bind(purpose));

    /// <summary>Throws a <see cref="CryptographicException"/> when the bytes were changed or belong to another row.</summary>
    public string Open(byte[] sealedBytes, string purpose) => Encoding.UTF8.GetString(Envelope.Open(key, sealedBytes, Bind(purpose)));

    private byte[] Bind(string purpose) => [.. pairingId.ToByteArray(), .. Encoding.UTF8.GetBytes(purpose)];
}
