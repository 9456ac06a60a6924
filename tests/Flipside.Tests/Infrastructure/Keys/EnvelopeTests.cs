using System.Security.Cryptography;
using System.Text;
using Flipside.Infrastructure.Security;
using Flipside.Infrastructure.Startup;
using Microsoft.Extensions.Configuration;

namespace Flipside.Tests.Infrastructure.Keys;

public sealed class EnvelopeTests
{
    private static readonly byte[] PairingA = Encoding.UTF8.GetBytes("pairing:3f2504e0-4f89-11d3-9a0c-0305e82c3301");
    private static readonly byte[] PairingB = Encoding.UTF8.GetBytes("pairing:9b1deb4d-3b7d-4bad-9bdd-2b0d7b3dcb6d");
    private static readonly byte[] Note = Encoding.UTF8.GetBytes("We talked about prompt design and the leader's first agent.");

    internal static KeyEncryptionKeys Keys(KeyEncryptionKey current, params KeyEncryptionKey[] previous) =>
        new(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            [KeyEncryptionKeys.KeySetting] = current.ToBase64(),
            [KeyEncryptionKeys.PreviousSetting] = string.Join(",", previous.Select(k => k.ToBase64())),
        }).Build(), new FlipsideSettings(DatabaseProvider.Sqlite, "unused", Path.GetTempPath()));

    [Fact]
    public void ADataKey_WrappedAndUnwrapped_SealsAndOpensAPayload()
    {
        var kek = KeyEncryptionKey.New();
        var envelope = new Envelope(Keys(kek));
        var dataKey = Envelope.NewDataKey();

        var wrapped = envelope.Wrap(dataKey, PairingA);
        var ciphertext = Envelope.Seal(envelope.Unwrap(wrapped, PairingA), Note, PairingA);

        Assert.Equal(kek.Id, wrapped.KekId);
        Assert.DoesNotContain(Convert.ToHexString(dataKey), Convert.ToHexString(wrapped.Bytes), StringComparison.Ordinal);
        Assert.Equal(Note, Envelope.Open(dataKey, ciphertext, PairingA));
    }

    [Fact]
    public void AChangedCiphertextOrWrappedKey_DoesNotOpen()
    {
        var envelope = new Envelope(Keys(KeyEncryptionKey.New()));
        var dataKey = Envelope.NewDataKey();
        var ciphertext = Envelope.Seal(dataKey, Note, PairingA);
        var wrapped = envelope.Wrap(dataKey, PairingA);

        ciphertext[^1] ^= 1;
        wrapped.Bytes[20] ^= 1;

        Assert.ThrowsAny<CryptographicException>(() => Envelope.Open(dataKey, ciphertext, PairingA));
        Assert.ThrowsAny<CryptographicException>(() => envelope.Unwrap(wrapped, PairingA));
    }

    [Fact]
    public void ACiphertextOrWrappedKey_MovedToAnotherPairing_DoesNotOpen()
    {
        var envelope = new Envelope(Keys(KeyEncryptionKey.New()));
        var dataKey = Envelope.NewDataKey();
        var ciphertext = Envelope.Seal(dataKey, Note, PairingA);
        var wrapped = envelope.Wrap(dataKey, PairingA);

        Assert.ThrowsAny<CryptographicException>(() => Envelope.Open(dataKey, ciphertext, PairingB));
        Assert.ThrowsAny<CryptographicException>(() => envelope.Unwrap(wrapped, PairingB));
    }

    [Fact]
    public void AKeyWrappedWithAnUnknownKek_SaysWhichKekItNeeds()
    {
        var old = KeyEncryptionKey.New();
        var wrapped = new Envelope(Keys(old)).Wrap(Envelope.NewDataKey(), PairingA);

        var error = Assert.ThrowsAny<CryptographicException>(() => new Envelope(Keys(KeyEncryptionKey.New())).Unwrap(wrapped, PairingA));

        Assert.Contains(old.Id, error.Message, StringComparison.Ordinal);
        Assert.Contains(KeyEncryptionKeys.PreviousSetting, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AfterRotation_APreviousKekStillUnwraps_AndRewrapMovesTheKeyToTheCurrentOne()
    {
        var (old, current) = (KeyEncryptionKey.New(), KeyEncryptionKey.New());
        var dataKey = Envelope.NewDataKey();
        var wrappedByOld = new Envelope(Keys(old)).Wrap(dataKey, PairingA);
        var rotated = new Envelope(Keys(current, old));

        var rewrapped = rotated.Rewrap(wrappedByOld, PairingA);

        Assert.Equal(dataKey, rotated.Unwrap(wrappedByOld, PairingA));
        Assert.Equal(current.Id, rewrapped.KekId);
        Assert.Equal(current.Id, rotated.Wrap(dataKey, PairingA).KekId);
        Assert.Equal(dataKey, new Envelope(Keys(current)).Unwrap(rewrapped, PairingA));
    }

    [Fact]
    public void AKekThatIsNot256Bits_IsRefusedWithWordsNamingTheSetting()
    {
        var error = Assert.Throws<StartupException>(() => KeyEncryptionKey.Parse(Convert.ToBase64String(new byte[16]), KeyEncryptionKeys.KeySetting));

        Assert.Contains(KeyEncryptionKeys.KeySetting, error.Message, StringComparison.Ordinal);
        Assert.Throws<StartupException>(() => KeyEncryptionKey.Parse("not base64!", KeyEncryptionKeys.KeySetting));
    }
}
