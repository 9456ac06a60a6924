using System.Net.Http.Json;
using Flipside.Features.Conversations;
using Flipside.Infrastructure.Security;
using Flipside.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Flipside.Tests.Conversations;

/// <summary>
/// A database whose only sealed keys are pairings' data keys (the key ring emptied, as an operator who lost the KEK
/// would after 0006's advice): the binary still stops with one line when the KEK is missing or wrong, and opens
/// the notes as written once the right key is back.
/// </summary>
public sealed class PairingKeyStartTests
{
    private const string NoteText = "What we agreed to try before the next meeting";

    private static Dictionary<string, string> Environment(TestDatabase database, params (string Key, string Value)[] more)
    {
        var env = TestDatabase.IsPostgres
            ? new Dictionary<string, string> { ["Database__Provider"] = "Postgres", ["ConnectionStrings__Flipside"] = database.ConnectionString }
            : [];
        foreach (var (key, value) in more) env[key] = value;
        return env;
    }

    [Fact]
    public async Task AMissingOrWrongKek_StopsStartWithOneLine_AndTheRightOneOpensTheNoteAsWritten()
    {
        var (first, other) = (KeyEncryptionKey.New(), KeyEncryptionKey.New());
        using var app = new FlipsideFactory().With(KeyEncryptionKeys.KeySetting, first.ToBase64());
        var admin = await Given.AnAdministrator(app);
        var pairs = await Pairs.Published(app, admin);
        var note = await Pairs.Write(pairs.Mentor, pairs.First, NoteText);
        await app.Query(db => db.DataProtectionKeys.ExecuteDeleteAsync());
        var wrapped = await app.Query(db => db.PairingKeys.Select(k => new { k.KekId, k.Wrapped }).SingleAsync());
        var keyFile = Path.Combine(app.Database.DataDirectory, KeyEncryptionKeys.DefaultFileName);

        var missing = await FlipsideProcess.Run(["migrate", "--data", app.Database.DataDirectory], Environment(app.Database));
        var wrong = await FlipsideProcess.Run(["migrate", "--data", app.Database.DataDirectory],
            Environment(app.Database, ("Keys__KeyEncryptionKey", other.ToBase64())));
        var right = await FlipsideProcess.Run(["migrate", "--data", app.Database.DataDirectory],
            Environment(app.Database, ("Keys__KeyEncryptionKey", first.ToBase64())));

        Assert.Equal(first.Id, wrapped.KekId);
        foreach (var run in new[] { missing, wrong })
        {
            Assert.Equal(1, run.ExitCode);
            var line = Assert.Single(run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
            Assert.Contains($"encrypted with key-encryption key {first.Id}", line, StringComparison.Ordinal);
            Assert.Contains(KeyEncryptionKeys.KeySetting, line, StringComparison.Ordinal);
        }
        Assert.Contains(other.Id, wrong.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(keyFile));
        Assert.True(right.ExitCode == 0, right.Error);
        Assert.Equal(wrapped.Wrapped, await app.Query(db => db.PairingKeys.Select(k => k.Wrapped).SingleAsync()));
        var read = (await pairs.Mentor.GetFromJsonAsync<ListNotes.Item>(Pairs.Notes(pairs.First, $"/{note.Id}"), Json.Options))!;
        Assert.Equal(NoteText, read.Text);
    }
}
