namespace Flipside.Domain;

/// <summary>
/// A pairing's data key, wrapped by the key-encryption key (decision 0006). Everything only the pair may read (notes,
/// messages, reflections) is sealed with it; the database alone cannot open it.
/// </summary>
public sealed class PairingKey
{
    public Guid PairingId { get; private set; }
    /// <summary>The id of the KEK that wrapped it, so that start-up can say which key it needs after a rotation.</summary>
    public string KekId { get; private set; } = "";
    public byte[] Wrapped { get; private set; } = [];
    public DateTimeOffset CreatedAt { get; private set; }

    private PairingKey() { }

    public PairingKey(Guid pairingId, string kekId, byte[] wrapped, DateTimeOffset now)
    {
        PairingId = pairingId;
        KekId = kekId;
        Wrapped = wrapped;
        CreatedAt = now;
    }

    public void Rewrapped(string kekId, byte[] wrapped) => (KekId, Wrapped) = (kekId, wrapped);
}
