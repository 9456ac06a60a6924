namespace Flipside.Domain;

/// <summary>
/// A one-way switch for the whole installation, such as "first administrator created". The key is the
/// primary key, so two racing requests cannot both flip the same switch.
/// </summary>
public sealed class SystemFlag
{
    public const string SetupCompleted = "setup-completed";
    public const string DemoLoaded = "demo-loaded";

    public string Key { get; private set; } = "";
    public DateTimeOffset SetAt { get; private set; }

    private SystemFlag() { }

    public SystemFlag(string key, DateTimeOffset at)
    {
        Key = key;
        SetAt = at;
    }
}
