namespace Flipside.Domain;

/// <summary>
/// An installation-wide secret kept in the database wrapped by the key-encryption key (decision 0006), such as the key
/// of the survey pseudonyms: it must outlive KEK rotations, so it is its own random key, re-wrapped, never derived.
/// </summary>
public sealed class SealedSecret
{
    public const string SurveyPseudonyms = "survey-pseudonyms";
    /// <summary>The key that seals programs' chat webhook URLs.</summary>
    public const string ChatWebhooks = "chat-webhooks";

    public string Name { get; private set; } = "";
    public string KekId { get; private set; } = "";
    public byte[] Wrapped { get; private set; } = [];
    public DateTimeOffset CreatedAt { get; private set; }

    private SealedSecret() { }

    public SealedSecret(string name, string kekId, byte[] wrapped, DateTimeOffset now) =>
        (Name, KekId, Wrapped, CreatedAt) = (name, kekId, wrapped, now);

    public void Rewrapped(string kekId, byte[] wrapped) => (KekId, Wrapped) = (kekId, wrapped);
}
