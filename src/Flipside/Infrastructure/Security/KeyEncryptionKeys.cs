using System.Security.Cryptography;
using System.Text;
using Flipside.Infrastructure.Startup;

namespace Flipside.Infrastructure.Security;

/// <summary>A 256-bit key-encryption key (KEK). Its id is derived from it, so a key file needs nothing but the key.</summary>
public sealed class KeyEncryptionKey
{
    public const int Size = 32;
    public string Id { get; }
    internal byte[] Material { get; }

    private KeyEncryptionKey(byte[] material)
    {
        Material = material;
        Id = Convert.ToHexStringLower(SHA256.HashData([.. "Flipside KEK id\0"u8, .. material]).AsSpan(0, 8));
    }

    public static KeyEncryptionKey New() => new(RandomNumberGenerator.GetBytes(Size));

    /// <param name="source">Where the text came from, so the message names what to fix.</param>
    public static KeyEncryptionKey Parse(string base64, string source)
    {
        byte[] bytes;
        try { bytes = Convert.FromBase64String(base64.Trim()); }
        catch (FormatException) { bytes = []; }
        if (bytes.Length != Size)
            throw new StartupException($"{source} must hold {Size} random bytes in base64 (for example the output of `openssl rand -base64 32`).");
        return new(bytes);
    }

    public string ToBase64() => Convert.ToBase64String(Material);
}

/// <summary>
/// The current KEK, which seals everything new, and the previous ones, which still open what they sealed. The
/// current one comes from Keys:KeyEncryptionKey, else from the key file (Keys:KeyFile, by default in the data
/// folder). Only <see cref="KeysSetup"/> creates that file, after it has looked at the database.
/// </summary>
public sealed class KeyEncryptionKeys(IConfiguration config, FlipsideSettings settings)
{
    public const string KeySetting = "Keys:KeyEncryptionKey";
    public const string FileSetting = "Keys:KeyFile";
    public const string PreviousSetting = "Keys:PreviousKeyEncryptionKeys";
    public const string DefaultFileName = "key-encryption.key";

    private readonly Lock _gate = new();
    private KeyEncryptionKey? _current;
    private List<KeyEncryptionKey> _previous = [];

    public string KeyFile => config[FileSetting] is { Length: > 0 } f ? Path.GetFullPath(f) : Path.Combine(settings.DataDirectory, DefaultFileName);
    public bool FromConfiguration => !string.IsNullOrWhiteSpace(config[KeySetting]);
    public bool IsAvailable => FromConfiguration || File.Exists(KeyFile);
    public string Source => FromConfiguration ? KeySetting : $"the key file {KeyFile}";

    public KeyEncryptionKey Current => Load().Current;

    public KeyEncryptionKey? Find(string id)
    {
        var (current, previous) = Load();
        return current.Id == id ? current : previous.Find(k => k.Id == id);
    }

    private (KeyEncryptionKey Current, List<KeyEncryptionKey> Previous) Load()
    {
        lock (_gate)
        {
            // A missing key is not remembered: start-up may create the file a moment later.
            if (_current is null)
            {
                if (!IsAvailable)
                    throw new InvalidOperationException($"No key-encryption key: {KeyFile} does not exist and {KeySetting} is not set.");
                var text = FromConfiguration ? config[KeySetting]! : File.ReadAllText(KeyFile);
                _previous = ReadPrevious();
                _current = KeyEncryptionKey.Parse(text, Source);
            }
            return (_current, _previous);
        }
    }

    private List<KeyEncryptionKey> ReadPrevious()
    {
        var section = config.GetSection(PreviousSetting);
        var values = section.Value is { } list
            ? list.Split([',', ';', ' ', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            : section.GetChildren().Select(c => c.Value).OfType<string>().ToArray();
        return [.. values.Select((v, i) => KeyEncryptionKey.Parse(v, $"{PreviousSetting} entry {i + 1}"))];
    }

    /// <summary>
    /// Writes a new random key, readable by this user only. Written aside and moved into place, so that an instance
    /// starting at the same moment either finds no file or a whole one; a file that appears meanwhile wins.
    /// </summary>
    internal void CreateKeyFile()
    {
        var path = KeyFile;
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var aside = $"{path}.{Guid.NewGuid():N}.new";
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows()) options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        using (var writer = new StreamWriter(aside, Encoding.ASCII, options))
            writer.WriteLine(KeyEncryptionKey.New().ToBase64());
        try { File.Move(aside, path, overwrite: false); }
        catch (IOException) when (File.Exists(path)) { File.Delete(aside); }
    }
}
