using System.Security.Cryptography;
using System.Text;
using Flipside.Data;
using Flipside.Domain;
using Microsoft.EntityFrameworkCore;

namespace Flipside.Infrastructure.Security;

/// <summary>
/// The keyed code that links one person's answers within a program (baseline to final) without naming them:
/// HMAC-SHA256 of the person and the program under a random key kept sealed by the KEK (decision 0014). Without the
/// key nobody, not even someone holding the database, can tell whose a code is; the app recomputes it only for the
/// signed-in person. Never shown, exported or returned by any endpoint.
/// </summary>
public sealed class Pseudonyms(FlipsideDb db, Envelope envelope, TimeProvider clock)
{
    private static readonly byte[] Bound = Encoding.UTF8.GetBytes(SealedSecret.SurveyPseudonyms);
    private byte[]? _key;

    public async Task<string> Of(Guid personId, Guid programId, CancellationToken ct)
    {
        _key ??= await Key(ct);
        var mac = HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes($"{personId:N}|{programId:N}"));
        return Convert.ToBase64String(mac).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }

    /// <summary>
    /// A pulse's code: the same key over the person, the program and the calendar month, so it changes every month and
    /// never equals the survey code; a pulse cannot be joined to a survey answer, nor one month's pulses to the next.
    /// </summary>
    public async Task<string> OfPulse(Guid personId, Guid programId, DateOnly month, CancellationToken ct)
    {
        _key ??= await Key(ct);
        var mac = HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes($"pulse|{personId:N}|{programId:N}|{month:yyyy-MM}"));
        return Convert.ToBase64String(mac).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }

    /// <summary>
    /// What is left of an erased person wherever a name, email or employee id stood: the same key over the person alone,
    /// so one person's entries still read as one actor, and nobody without the key can test a guess against it.
    /// </summary>
    public async Task<string> OfErased(Guid personId, CancellationToken ct)
    {
        _key ??= await Key(ct);
        var mac = HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes($"erased|{personId:N}"));
        return "erased-" + Convert.ToHexStringLower(mac)[..16];
    }

    /// <summary>The key, made and saved on first use. Call before staging other changes: it saves.</summary>
    private async Task<byte[]> Key(CancellationToken ct)
    {
        var row = await db.SealedSecrets.AsNoTracking().FirstOrDefaultAsync(s => s.Name == SealedSecret.SurveyPseudonyms, ct) ?? await Create(ct);
        return envelope.Unwrap(new WrappedKey(row.KekId, row.Wrapped), Bound);
    }

    private async Task<SealedSecret> Create(CancellationToken ct)
    {
        var key = Envelope.NewDataKey();
        try
        {
            var wrapped = envelope.Wrap(key, Bound);
            var row = new SealedSecret(SealedSecret.SurveyPseudonyms, wrapped.KekId, wrapped.Bytes, clock.GetUtcNow());
            db.SealedSecrets.Add(row);
            try
            {
                await db.SaveChangesAsync(ct);
                return row;
            }
            catch (DbUpdateException)
            {
                // Two first answers at the same moment: the other key won (the name is the primary key); use it.
                db.Entry(row).State = EntityState.Detached;
                return await db.SealedSecrets.AsNoTracking().FirstAsync(s => s.Name == SealedSecret.SurveyPseudonyms, ct);
            }
        }
        finally { CryptographicOperations.ZeroMemory(key); }
    }

    /// <summary>Moves every sealed secret onto the current KEK; returns how many moved (rotation step 4 of 0006).</summary>
    public static async Task<int> RewrapAll(FlipsideDb db, Envelope envelope, CancellationToken ct)
    {
        var moved = 0;
        foreach (var row in await db.SealedSecrets.ToListAsync(ct))
        {
            var again = envelope.Rewrap(new WrappedKey(row.KekId, row.Wrapped), Encoding.UTF8.GetBytes(row.Name));
            if (again.KekId == row.KekId) continue;
            row.Rewrapped(again.KekId, again.Bytes);
            moved++;
        }
        if (moved > 0) await db.SaveChangesAsync(ct);
        return moved;
    }
}
