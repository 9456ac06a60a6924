using System.Security.Cryptography;

namespace Flipside.Infrastructure.Security;

/// <summary>A data key sealed with a KEK, and the id of that KEK so that it can still be opened after a rotation.</summary>
public sealed record WrappedKey(string KekId, byte[] Bytes);

/// <summary>
/// Envelope encryption: a pairing's data is sealed with a data key of its own, and only that key, wrapped by the
/// KEK, is stored beside the data. Associated data (for example the pairing's id) binds a wrapped key and a
/// ciphertext to their owner, so neither opens when copied to another row.
/// </summary>
public sealed class Envelope(KeyEncryptionKeys keys)
{
    public const int DataKeySize = 32;
    private static readonly byte[] WrapPurpose = "Flipside data key"u8.ToArray();

    public static byte[] NewDataKey() => RandomNumberGenerator.GetBytes(DataKeySize);

    public WrappedKey Wrap(ReadOnlySpan<byte> dataKey, ReadOnlySpan<byte> associatedData)
    {
        if (dataKey.Length != DataKeySize) throw new ArgumentException($"A data key is {DataKeySize} bytes.", nameof(dataKey));
        var kek = keys.Current;
        return new(kek.Id, Aead.Seal(kek.Material, dataKey, Aead.Concat(WrapPurpose, associatedData)));
    }

    public byte[] Unwrap(WrappedKey wrapped, ReadOnlySpan<byte> associatedData)
    {
        var kek = keys.Find(wrapped.KekId)
            ?? throw new CryptographicException($"This data key was wrapped with key-encryption key {wrapped.KekId}, which is not configured: add that key to {KeyEncryptionKeys.PreviousSetting}.");
        return Aead.Open(kek.Material, wrapped.Bytes, Aead.Concat(WrapPurpose, associatedData));
    }

    /// <summary>The same data key under the current KEK, for moving stored keys off a previous one.</summary>
    public WrappedKey Rewrap(WrappedKey wrapped, ReadOnlySpan<byte> associatedData)
    {
        if (wrapped.KekId == keys.Current.Id) return wrapped;
        var dataKey = Unwrap(wrapped, associatedData);
        try { return Wrap(dataKey, associatedData); }
        finally { CryptographicOperations.ZeroMemory(dataKey); }
    }

    public static byte[] Seal(ReadOnlySpan<byte> dataKey, ReadOnlySpan<byte> plaintext, ReadOnlySpan<byte> associatedData) =>
        Aead.Seal(dataKey, plaintext, associatedData);

    /// <summary>Throws a <see cref="CryptographicException"/> when the ciphertext was changed or belongs to other associated data.</summary>
    public static byte[] Open(ReadOnlySpan<byte> dataKey, ReadOnlySpan<byte> ciphertext, ReadOnlySpan<byte> associatedData) =>
        Aead.Open(dataKey, ciphertext, associatedData);
}
