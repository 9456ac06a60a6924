using System.Net;
using System.Net.Http.Json;
using System.Xml.Linq;
using Flipside.Infrastructure.Security;
using Flipside.Infrastructure.Startup;
using Flipside.Tests.Support;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Flipside.Tests.Infrastructure.Keys;

/// <summary>The Data Protection key ring is stored in the database, sealed with a KEK that lives elsewhere.</summary>
public sealed class KeyRingTests : IDisposable
{
    private readonly List<FlipsideFactory> _apps = [];

    public void Dispose()
    {
        // The later apps borrow the first one's database and folder, so they go first.
        for (var i = _apps.Count - 1; i >= 0; i--) _apps[i].Dispose();
    }

    private FlipsideFactory NewApp(KeyEncryptionKey? kek = null, params KeyEncryptionKey[] previous)
    {
        var app = new FlipsideFactory();
        if (_apps.Count > 0)
            app.With("ConnectionStrings:Flipside", _apps[0].Database.ConnectionString).With("Flipside:DataDirectory", _apps[0].Database.DataDirectory);
        if (kek is not null) app.With(KeyEncryptionKeys.KeySetting, kek.ToBase64());
        if (previous.Length > 0) app.With(KeyEncryptionKeys.PreviousSetting, string.Join(",", previous.Select(k => k.ToBase64())));
        _apps.Add(app);
        return app;
    }

    private static string KeyFile(FlipsideFactory app) => Path.Combine(app.Database.DataDirectory, KeyEncryptionKeys.DefaultFileName);

    [Fact]
    public void TheKeyFile_IsCreatedOnFirstStart_ReadableByItsOwnerOnly()
    {
        var app = NewApp();

        _ = app.Services;

        Assert.True(File.Exists(KeyFile(app)));
        if (!OperatingSystem.IsWindows())
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(KeyFile(app)));
    }

    [Fact]
    public async Task TheStoredKeyRing_HoldsNoClearKeyMaterial_OnlySecretsSealedWithTheKeyFile()
    {
        var app = NewApp();
        await Given.AnAdministrator(app);
        var atStart = (await StoredKeys(app)).Count;
        // Start-up seals whatever it finds, so only a key made while the app runs shows that the encryptor does.
        var clock = app.Services.GetRequiredService<TimeProvider>().GetUtcNow();
        app.Services.GetRequiredService<IKeyManager>().CreateNewKey(clock, clock.AddDays(90));

        var stored = await StoredKeys(app);

        Assert.Equal(atStart + 1, stored.Count);
        var kek = KeyEncryptionKey.Parse(await File.ReadAllTextAsync(KeyFile(app)), "the key file");
        foreach (var xml in stored)
        {
            Assert.DoesNotContain("masterKey", xml, StringComparison.Ordinal);
            Assert.Equal(kek.Id, Assert.Single(SealedKekIds(xml)));
        }
    }

    [Fact]
    public async Task ASignInCookie_StillWorks_AfterARestartWithTheSameKeyFile()
    {
        var first = NewApp();
        await Given.AnAdministrator(first);
        var cookie = await SignInCookie(first);

        var restarted = NewApp();

        Assert.Equal(HttpStatusCode.OK, await Home(restarted, cookie));
    }

    [Fact]
    public async Task AKekFromConfiguration_SealsTheKeyRing_AndNoKeyFileIsWritten()
    {
        var kek = KeyEncryptionKey.New();
        var app = NewApp(kek);
        await Given.AnAdministrator(app);

        var stored = await StoredKeys(app);

        Assert.NotEmpty(stored);
        Assert.All(stored, xml => Assert.Equal(kek.Id, Assert.Single(SealedKekIds(xml))));
        Assert.False(File.Exists(KeyFile(app)));
    }

    [Fact]
    public async Task AKeyFileNamedInConfiguration_IsUsed_AsAMountedSecretWouldBe()
    {
        var kek = KeyEncryptionKey.New();
        var app = NewApp();
        var secret = Path.Combine(app.Database.DataDirectory, "mounted", "flipside-kek");
        Directory.CreateDirectory(Path.GetDirectoryName(secret)!);
        await File.WriteAllTextAsync(secret, kek.ToBase64() + "\n");
        app.With(KeyEncryptionKeys.FileSetting, secret);
        await Given.AnAdministrator(app);

        Assert.All(await StoredKeys(app), xml => Assert.Equal(kek.Id, Assert.Single(SealedKekIds(xml))));
        Assert.False(File.Exists(KeyFile(app)));
    }

    [Fact]
    public async Task AfterRotation_OldCookiesStillWork_AndStartUpMovesTheKeyRingToTheNewKek()
    {
        var (old, current) = (KeyEncryptionKey.New(), KeyEncryptionKey.New());
        var first = NewApp(old);
        await Given.AnAdministrator(first);
        var cookie = await SignInCookie(first);

        var rotated = NewApp(current, old);

        Assert.Equal(HttpStatusCode.OK, await Home(rotated, cookie));
        Assert.All(await StoredKeys(rotated), xml => Assert.Equal(current.Id, Assert.Single(SealedKekIds(xml))));
        var oldKeyDropped = NewApp(current);
        Assert.Equal(HttpStatusCode.OK, await Home(oldKeyDropped, cookie));
    }

    [Fact]
    public async Task KeysAnOlderFlipsideStoredInClear_AreSealedAtStart_AndStillOpenWhatTheyProtected()
    {
        var first = NewApp();
        _ = first.Services;
        var protectedByOldKey = OldStyleProtect(first, "a reset link from before the upgrade");
        Assert.Single(await StoredKeys(first), xml => xml.Contains("masterKey", StringComparison.Ordinal));

        var upgraded = NewApp();

        var kek = KeyEncryptionKey.Parse(await File.ReadAllTextAsync(KeyFile(first)), "the key file");
        Assert.All(await StoredKeys(upgraded), xml =>
        {
            Assert.DoesNotContain("masterKey", xml, StringComparison.Ordinal);
            Assert.Equal(kek.Id, Assert.Single(SealedKekIds(xml)));
        });
        var protector = upgraded.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("upgrade-test");
        Assert.Equal("a reset link from before the upgrade", protector.Unprotect(protectedByOldKey));
    }

    /// <summary>Data Protection as Flipside configured it before the key-encryption key: keys in the database, in clear.</summary>
    private static string OldStyleProtect(FlipsideFactory app, string text)
    {
        var services = new ServiceCollection().AddLogging();
        var settings = app.Services.GetRequiredService<FlipsideSettings>();
        if (settings.Provider == DatabaseProvider.Postgres)
            services.AddDbContext<Flipside.Data.FlipsideDb, Flipside.Data.PostgresFlipsideDb>(o => o.UseNpgsql(settings.ConnectionString));
        else
            services.AddDbContext<Flipside.Data.FlipsideDb, Flipside.Data.SqliteFlipsideDb>(o => o.UseSqlite(settings.ConnectionString));
        services.AddDataProtection().SetApplicationName("Flipside").PersistKeysToDbContext<Flipside.Data.FlipsideDb>();
        using var provider = services.BuildServiceProvider();
        return provider.GetRequiredService<IDataProtectionProvider>().CreateProtector("upgrade-test").Protect(text);
    }

    internal static Task<List<string>> StoredKeys(FlipsideFactory app) =>
        app.Query(db => db.DataProtectionKeys.OrderBy(k => k.Id).Select(k => k.Xml!).ToListAsync());

    internal static List<string> SealedKekIds(string xml) =>
        [.. XElement.Parse(xml).Descendants(XNamespace.Get("urn:flipside:keys") + "encryptedKey").Select(e => (string)e.Attribute("kek")!)];

    private static async Task<string> SignInCookie(FlipsideFactory app)
    {
        using var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        var response = await client.PostAsJsonAsync("/api/v1/account/sign-in", new { email = Given.AdminEmail, password = Given.Password });
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        return string.Join("; ", response.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]));
    }

    private static async Task<HttpStatusCode> Home(FlipsideFactory app, string cookie)
    {
        using var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, "/");
        request.Headers.Add("Cookie", cookie);
        return (await client.SendAsync(request)).StatusCode;
    }
}
