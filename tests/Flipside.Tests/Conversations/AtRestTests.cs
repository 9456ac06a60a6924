using System.Net.Http.Json;
using System.Text;
using Flipside.Features.Conversations;
using Flipside.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Flipside.Tests.Conversations;

/// <summary>What a copy of the database holds of a note or a message: no text, and no ciphertext that opens anywhere else.</summary>
public sealed class AtRestTests(FlipsideFactory app) : AdministeredTests(app)
{
    private const string NoteText = "Zanzibar-7 quokka: the leader admitted the reorganisation scares him";
    private const string MessageText = "Yx-quillfeather: please keep the merger between us";

    [Fact]
    public async Task TheTextOfANoteAndAMessage_IsNowhereInTheDatabase_WhileWhatIsNotSecretIs()
    {
        var pairs = await Pairs.Published(App, Admin);
        await Pairs.Write(pairs.Mentor, pairs.First, NoteText, shared: true);
        await Pairs.Send(pairs.Mentor, pairs.First, MessageText);
        var edited = await Pairs.Write(pairs.Mentee, pairs.First, "draft");
        await pairs.Mentee.PutAsJsonAsync(Pairs.Notes(pairs.First, $"/{edited.Id}"), new { text = NoteText + " (edited)" });

        var stored = TestDatabase.IsPostgres ? await PostgresRows() : SqliteFiles();

        // The control: the same scan finds what is stored in clear, so a miss below is not the scan's blindness.
        Assert.True(Contains(stored, "m1@example.com"), "the scan does not see the directory's emails, so it proves nothing");
        foreach (var text in new[] { NoteText, MessageText, "Zanzibar-7", "quillfeather" })
            Assert.False(Contains(stored, text), $"'{text}' is stored in clear");
    }

    [Fact]
    public async Task ACiphertextCopiedOntoAnotherNoteOrPairing_DoesNotOpen_AndShowsNoWrongText()
    {
        var pairs = await Pairs.Published(App, Admin);
        var source = await Pairs.Write(pairs.Mentor, pairs.First, NoteText);
        var sameRowElsewhere = await Pairs.Write(pairs.Mentor, pairs.First, "a note of the same pair");
        var otherPairs = await Given.AnAccount(App, Admin, "m2@example.com", Flipside.Domain.Roles.Participant);
        var otherPairing = await Pairs.Write(otherPairs, pairs.Second, "a note of another pair");
        await Pairs.Send(pairs.Mentor, pairs.First, MessageText);
        App.Clock.Advance(TimeSpan.FromMinutes(1));
        await Pairs.Send(pairs.Mentor, pairs.First, "a second message");
        await App.Query(async db =>
        {
            var body = await db.Notes.Where(n => n.Id == source.Id).Select(n => n.Body).SingleAsync();
            var messages = await db.Messages.OrderBy(m => m.SentAt).ThenBy(m => m.Id).ToListAsync();
            var first = messages[0];
            await db.Notes.Where(n => n.Id == sameRowElsewhere.Id || n.Id == otherPairing.Id).ExecuteUpdateAsync(u => u.SetProperty(n => n.Body, body));
            await db.Messages.Where(m => m.Id != first.Id).ExecuteUpdateAsync(u => u.SetProperty(m => m.Body, first.Body));
            return 0;
        });

        var moved = (await pairs.Mentor.GetFromJsonAsync<ListNotes.Item>(Pairs.Notes(pairs.First, $"/{sameRowElsewhere.Id}"), Json.Options))!;
        var elsewhere = (await otherPairs.GetFromJsonAsync<ListNotes.Item>(Pairs.Notes(pairs.Second, $"/{otherPairing.Id}"), Json.Options))!;
        var original = (await pairs.Mentor.GetFromJsonAsync<ListNotes.Item>(Pairs.Notes(pairs.First, $"/{source.Id}"), Json.Options))!;
        var conversation = (await pairs.Mentee.GetFromJsonAsync<ConversationsApi.MessagePage>(Pairs.Messages(pairs.First), Json.Options))!;
        var page = await (await pairs.Mentor.GetAsync($"/Conversations/Notes?pairingId={pairs.First}")).Html();

        foreach (var copy in new[] { moved, elsewhere })
        {
            Assert.Null(copy.Text);
            Assert.Equal(PairConversation.Unreadable, copy.Error);
        }
        Assert.Equal(NoteText, original.Text);
        Assert.Equal([MessageText, null], conversation.Messages.Select(m => m.Text));
        var movedCard = page[page.IndexOf($"id=\"note-{sameRowElsewhere.Id}\"", StringComparison.Ordinal)..];
        movedCard = movedCard[..movedCard.IndexOf("</article>", StringComparison.Ordinal)];
        Assert.Contains(PairConversation.Unreadable, movedCard, StringComparison.Ordinal);
        Assert.DoesNotContain(NoteText, movedCard, StringComparison.Ordinal);
        Assert.Contains(NoteText, page, StringComparison.Ordinal);
    }

    private static bool Contains(byte[] haystack, string text) => haystack.AsSpan().IndexOf(Encoding.UTF8.GetBytes(text)) >= 0;

    /// <summary>The database file and its write-ahead log, byte for byte, as a copy of the data folder would hold them.</summary>
    private byte[] SqliteFiles()
    {
        var file = new SqliteConnectionStringBuilder(App.Database.ConnectionString).DataSource;
        Assert.True(File.Exists(file + "-wal"), "the database runs without its write-ahead log, so the WAL half of this test would pass untested");
        return [.. Read(file), .. Read(file + "-wal")];
    }

    private static byte[] Read(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    /// <summary>
    /// Every row of every table, as text; byte columns come out as hex, so each one is also decoded back to its bytes,
    /// which would show a text stored unsealed in a byte column.
    /// </summary>
    private async Task<byte[]> PostgresRows()
    {
        await using var connection = new NpgsqlConnection(App.Database.ConnectionString);
        await connection.OpenAsync();
        var tables = new List<string>();
        await using (var list = new NpgsqlCommand("SELECT quote_ident(table_schema) || '.' || quote_ident(table_name) FROM information_schema.tables WHERE table_type = 'BASE TABLE' AND table_schema NOT IN ('pg_catalog', 'information_schema')", connection))
        await using (var reader = await list.ExecuteReaderAsync())
            while (await reader.ReadAsync()) tables.Add(reader.GetString(0));
        Assert.Contains(tables, t => t.EndsWith(".\"Notes\"", StringComparison.Ordinal));
        using var all = new MemoryStream();
        foreach (var table in tables)
        {
            await using var rows = new NpgsqlCommand($"SELECT t::text FROM {table} t", connection); // names quoted by quote_ident above
            await using var reader = await rows.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                var row = reader.GetString(0);
                all.Write(Encoding.UTF8.GetBytes(row));
                foreach (System.Text.RegularExpressions.Match hex in System.Text.RegularExpressions.Regex.Matches(row, @"\\\\x([0-9a-f]+)"))
                    all.Write(Convert.FromHexString(hex.Groups[1].Value));
            }
        }
        return all.ToArray();
    }
}
