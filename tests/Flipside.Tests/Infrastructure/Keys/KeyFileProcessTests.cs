using Flipside.Infrastructure.Security;
using Flipside.Tests.Support;

namespace Flipside.Tests.Infrastructure.Keys;

/// <summary>The binary as an operator starts it, with the key file lost or the key given in the environment.</summary>
public sealed class KeyFileProcessTests
{
    private static Dictionary<string, string> Environment(TestDatabase database, params (string Key, string Value)[] more)
    {
        var env = TestDatabase.IsPostgres
            ? new Dictionary<string, string> { ["Database__Provider"] = "Postgres", ["ConnectionStrings__Flipside"] = database.ConnectionString }
            : [];
        foreach (var (key, value) in more) env[key] = value;
        return env;
    }

    [Fact]
    public async Task StartingWithoutTheKeyFile_WhileTheDatabaseHoldsKeysSealedWithIt_StopsWithOneLine_AndMakesNoNewKey()
    {
        using var app = new FlipsideFactory();
        await Given.AnAdministrator(app);
        var keyFile = Path.Combine(app.Database.DataDirectory, KeyEncryptionKeys.DefaultFileName);
        var kek = KeyEncryptionKey.Parse(await File.ReadAllTextAsync(keyFile), "the key file");
        File.Delete(keyFile);

        var run = await FlipsideProcess.Run(["migrate", "--data", app.Database.DataDirectory], Environment(app.Database));

        Assert.Equal(1, run.ExitCode);
        var line = Assert.Single(run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains($"encrypted with key-encryption key {kek.Id}", line, StringComparison.Ordinal);
        Assert.Contains(keyFile, line, StringComparison.Ordinal);
        Assert.Contains(KeyEncryptionKeys.KeySetting, line, StringComparison.Ordinal);
        Assert.False(File.Exists(keyFile));
    }

    [Fact]
    public async Task AKekInTheEnvironment_OpensTheKeyRing_WithoutAKeyFile()
    {
        var kek = KeyEncryptionKey.New();
        using var app = new FlipsideFactory().With(KeyEncryptionKeys.KeySetting, kek.ToBase64());
        await Given.AnAdministrator(app);
        var keyFile = Path.Combine(app.Database.DataDirectory, KeyEncryptionKeys.DefaultFileName);

        var withKey = await FlipsideProcess.Run(["migrate", "--data", app.Database.DataDirectory],
            Environment(app.Database, ("Keys__KeyEncryptionKey", kek.ToBase64())));
        var withoutKey = await FlipsideProcess.Run(["migrate", "--data", app.Database.DataDirectory], Environment(app.Database));

        Assert.True(withKey.ExitCode == 0, withKey.Error);
        Assert.Equal(1, withoutKey.ExitCode);
        Assert.Contains(kek.Id, withoutKey.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(keyFile));
    }

    [Fact]
    public async Task StartingWithAnotherKek_WhileTheDatabaseHoldsKeysSealedWithTheFirst_StopsWithOneLineNamingBoth()
    {
        var (first, other) = (KeyEncryptionKey.New(), KeyEncryptionKey.New());
        using var app = new FlipsideFactory().With(KeyEncryptionKeys.KeySetting, first.ToBase64());
        await Given.AnAdministrator(app);
        var before = await KeyRingTests.StoredKeys(app);

        var run = await FlipsideProcess.Run(["migrate", "--data", app.Database.DataDirectory],
            Environment(app.Database, ("Keys__KeyEncryptionKey", other.ToBase64())));

        Assert.Equal(1, run.ExitCode);
        var line = Assert.Single(run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains($"encrypted with key-encryption key {first.Id}", line, StringComparison.Ordinal);
        Assert.Contains(other.Id, line, StringComparison.Ordinal);
        Assert.Contains(KeyEncryptionKeys.PreviousSetting, line, StringComparison.Ordinal);
        Assert.Equal(before, await KeyRingTests.StoredKeys(app));
    }
}
