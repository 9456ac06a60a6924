using System.Security.Cryptography;

namespace Flipside.Infrastructure.Security;

/// <summary>
/// AES-256-GCM in one layout for everything Flipside seals: a format byte, a random 96-bit nonce, the tag, then
/// the ciphertext. Random nonces are safe for far more messages than one key ever seals here (a key ring, a
/// pairing's notes).
/// </summary>
internal static class Aead
{
    private const byte Format = 1;
    private const int NonceSize = 12;
    private const int TagSize = 16;
    private const int HeaderSize = 1 + NonceSize + TagSize;

    public static byte[] Seal(ReadOnlySpan<byte> key, ReadOnlySpan<byte> plaintext, ReadOnlySpan<byte> associatedData)
    {
        var output = new byte[HeaderSize + plaintext.Length];
        output[0] = Format;
        var nonce = output.AsSpan(1, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(key, TagSize);
        aes.Encrypt(nonce, plaintext, output.AsSpan(HeaderSize), output.AsSpan(1 + NonceSize, TagSize), associatedData);
        return output;
    }

    /// <summary>Throws <see cref="AuthenticationTagMismatchException"/> when the bytes, the key or the associated data differ.</summary>
    public static byte[] Open(ReadOnlySpan<byte> key, ReadOnlySpan<byte> sealedBytes, ReadOnlySpan<byte> associatedData)
    {
        if (sealedBytes.Length < HeaderSize || sealedBytes[0] != Format)
            throw new CryptographicException("These bytes are not something Flipside sealed.");
        var plaintext = new byte[sealedBytes.Length - HeaderSize];
        using var aes = new AesGcm(key, TagSize);
        aes.Decrypt(sealedBytes.Slice(1, NonceSize), sealedBytes[HeaderSize..], sealedBytes.Slice(1 + NonceSize, TagSize), plaintext, associatedData);
        return plaintext;
    }

    public static byte[] Concat(ReadOnlySpan<byte> purpose, ReadOnlySpan<byte> associatedData) => [.. purpose, .. associatedData];
}
