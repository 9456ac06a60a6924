using System.Xml.Linq;
using Flipside.Data;
using Flipside.Infrastructure.Startup;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.EntityFrameworkCore;

namespace Flipside.Infrastructure.Security;

/// <summary>The Data Protection key ring lives in the database, sealed with a KEK that does not (decision 0006).</summary>
public static class KeysSetup
{
    public static IServiceCollection AddFlipsideKeys(this IServiceCollection services)
    {
        services.AddSingleton<KeyEncryptionKeys>();
        services.AddSingleton<Envelope>();
        services.AddScoped<PairingSecrets>();
        services.AddScoped<Pseudonyms>();
        services.AddDataProtection().SetApplicationName("Flipside").PersistKeysToDbContext<FlipsideDb>();
        // Registered after AddDataProtection so that it wins over any default encryptor it picks.
        services.AddOptions<KeyManagementOptions>().Configure<KeyEncryptionKeys>((o, keys) => o.XmlEncryptor = new KekXmlEncryptor(keys));
        return services;
    }

    /// <summary>
    /// Runs after migrations and before anything uses the key ring: stops when the database holds keys that the
    /// configured KEKs cannot open, creates the key file only when nothing depends on an earlier one, and seals
    /// every key that is in clear (an older Flipside) or under a previous KEK with the current one.
    /// </summary>
    public static async Task PrepareAsync(IServiceProvider services, FlipsideDb db, CancellationToken ct)
    {
        var keys = services.GetRequiredService<KeyEncryptionKeys>();
        var rows = await db.DataProtectionKeys.Where(k => k.Xml != null).ToListAsync(ct);
        var parsed = rows.Select(r => (Row: r, Xml: XElement.Parse(r.Xml!))).ToList();
        var pairingKeks = await db.PairingKeys.Select(k => k.KekId).Distinct().ToListAsync(ct);
        var sealedKeks = await db.SealedSecrets.Select(k => k.KekId).Distinct().ToListAsync(ct);
        var usedKeks = parsed.SelectMany(p => p.Xml.Descendants(KekXml.Element)).Select(KekXml.KekId).Concat(pairingKeks).Concat(sealedKeks)
            .Distinct().Order(StringComparer.Ordinal).ToList();

        if (!keys.IsAvailable)
        {
            if (usedKeks.Count > 0)
                throw new StartupException($"The database holds keys encrypted with key-encryption key {usedKeks[0]}, but the key file {keys.KeyFile} does not exist and {KeyEncryptionKeys.KeySetting} is not set: restore the key file from your backup or set {KeyEncryptionKeys.KeySetting} to that key (a new key could not open them).");
            Guard(keys, "create", keys.CreateKeyFile);
        }
        var current = Guard(keys, "read", () => keys.Current);
        if (usedKeks.FirstOrDefault(id => keys.Find(id) is null) is { } unknown)
            throw new StartupException($"The database holds keys encrypted with key-encryption key {unknown}, but {keys.Source} holds key {current.Id} and {KeyEncryptionKeys.PreviousSetting} has no key {unknown}: restore the key file {keys.KeyFile}, or set {KeyEncryptionKeys.KeySetting} to that key, or add it to {KeyEncryptionKeys.PreviousSetting}.");

        var sealedAgain = 0;
        foreach (var (row, xml) in parsed)
        {
            if (!SealWithCurrent(xml, keys, current)) continue;
            row.Xml = xml.ToString(SaveOptions.DisableFormatting);
            sealedAgain++;
        }
        var log = services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(KeysSetup));
        if (sealedAgain > 0)
        {
            await db.SaveChangesAsync(ct);
            log.LogInformation("Sealed {Count} Data Protection keys with key-encryption key {KekId}", sealedAgain, current.Id);
        }
        // Pairings' data keys follow the current KEK too, so an old KEK can be dropped once every instance has started.
        var rewrapped = await new PairingSecrets(db, services.GetRequiredService<Envelope>(), TimeProvider.System).RewrapAll(ct);
        if (rewrapped > 0) log.LogInformation("Wrapped {Count} pairing data keys with key-encryption key {KekId}", rewrapped, current.Id);
        var secrets = await Pseudonyms.RewrapAll(db, services.GetRequiredService<Envelope>(), ct);
        if (secrets > 0) log.LogInformation("Wrapped {Count} sealed secrets with key-encryption key {KekId}", secrets, current.Id);
        // Chat webhook URLs saved before they were sealed (migration ChatWebhookSealed): SQL cannot seal them, so start-up does, once.
        var webhooks = await new ChatWebhookSecrets(db, services.GetRequiredService<Envelope>(), TimeProvider.System).SealPlaintext(ct);
        if (webhooks > 0) log.LogInformation("Sealed {Count} chat webhook URLs stored in clear", webhooks);
    }

    private static bool SealWithCurrent(XElement xml, KeyEncryptionKeys keys, KeyEncryptionKey current)
    {
        var changed = false;
        foreach (var old in xml.Descendants(KekXml.Element).Where(e => KekXml.KekId(e) != current.Id).ToList())
        {
            old.ReplaceWith(KekXml.Seal(current, KekXml.Open(keys, old)));
            changed = true;
        }
        foreach (var clear in xml.Descendants().Where(e => (bool?)e.Attribute(KekXml.RequiresEncryption) == true).ToList())
        {
            clear.ReplaceWith(KekXml.EncryptedSecretFor(KekXml.Seal(current, clear)));
            changed = true;
        }
        return changed;
    }

    private static void Guard(KeyEncryptionKeys keys, string verb, Action action) => Guard(keys, verb, () => { action(); return 0; });

    private static T Guard<T>(KeyEncryptionKeys keys, string verb, Func<T> action)
    {
        try { return action(); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new StartupException($"Cannot {verb} the key file {keys.KeyFile} ({e.GetType().Name}): fix its folder's permissions, point {KeyEncryptionKeys.FileSetting} elsewhere or set {KeyEncryptionKeys.KeySetting}.", e);
        }
    }
}
