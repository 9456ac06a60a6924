using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Flipside.Domain;
using Flipside.Features.Audit;
using Flipside.Features.Matching;
using Flipside.Tests.Conversations;
using Flipside.Tests.People;
using Flipside.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Flipside.Tests.Privacy;

/// <summary>POST /api/v1/people/{id}/erase and the button on the person's page: the person is nowhere in the database afterwards.</summary>
public sealed class ErasureTests(FlipsideFactory app) : AdministeredTests(app)
{
    private const string Name = "Zebedee Quillfeather";
    private const string Email = "zebedee.quillfeather@example.com";
    private const string EmployeeId = "QX77123";

    private sealed record Setup(Guid PersonId, Guid PairingId, HttpClient Zebedee, HttpClient Leader);

    private async Task<Setup> APairedPerson()
    {
        await Given.AnAccount(App, Admin, Pairs.ManagerEmail, Roles.ProgramManager);
        var (_, cohortId) = await Seed.AProgram(App, Pairs.ManagerEmail, status: CohortStatus.Matching);
        var manager = await Given.SignedIn(App, Pairs.ManagerEmail);
        var zebedee = Seed.APerson(EmployeeId, 3);
        (zebedee.Name, zebedee.Email) = (Name, Email);
        var leader = Seed.APerson("L1", 9, department: "Board");
        await Enrolled.Enrol(App, cohortId, leader, ParticipantRole.Mentee, "Podcasting");
        await Enrolled.Enrol(App, cohortId, zebedee, ParticipantRole.Mentor, "Podcasting");
        var made = await manager.PostAsJsonAsync($"/api/v1/cohorts/{cohortId}/pairings", new { menteePersonId = leader.Id, mentorPersonId = zebedee.Id });
        Assert.Equal(HttpStatusCode.Created, made.StatusCode);
        var pairingId = (await made.Content.ReadFromJsonAsync<PairByHand.Made>(Json.Options))!.PairingId;
        Assert.Equal(HttpStatusCode.OK, (await manager.PostAsync($"/api/v1/cohorts/{cohortId}/matching/publish", null)).StatusCode);
        return new(zebedee.Id, pairingId, await Given.AnAccount(App, Admin, Email, Roles.Participant),
            await Given.AnAccount(App, Admin, "l1@example.com", Roles.Participant));
    }

    private async Task Seal()
    {
        await using var scope = App.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<SealAuditLog>().RunOnceAsync(CancellationToken.None);
    }

    [Fact]
    public async Task Erase_LeavesTheNameEmailAndEmployeeIdNowhereInTheDatabase()
    {
        var s = await APairedPerson();
        await Pairs.Write(s.Zebedee, s.PairingId, $"My private note, {Name} writing");
        await Pairs.Write(s.Leader, s.PairingId, "The leader's own note");
        await Pairs.Send(s.Zebedee, s.PairingId, $"Hello, this is {Name}");
        Assert.Equal(HttpStatusCode.Created, (await s.Zebedee.PostAsJsonAsync($"/api/v1/pairings/{s.PairingId}/meetings", new { localStart = "2026-11-30T10:00" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Admin.ImportCsv(PeopleFiles.Csv(PeopleFiles.Row(EmployeeId, name: Name, email: Email, title: "Podcaster")))).StatusCode);
        await App.Browser().PostAsJsonAsync("/api/v1/account/sign-in", new { email = Email, password = "not the password 1" });
        await Seal();
        Assert.NotNull(await WhereHeld(Email));

        var erased = await Admin.PostAsync($"/api/v1/people/{s.PersonId}/erase", null);

        Assert.Equal(HttpStatusCode.OK, erased.StatusCode);
        foreach (var text in new[] { Name, Email, EmployeeId, Email.ToUpperInvariant() })
            Assert.Null(await WhereHeld(text));
        Assert.Equal(HttpStatusCode.Unauthorized,
            (await App.Browser().PostAsJsonAsync("/api/v1/account/sign-in", new { email = Email, password = Given.Password })).StatusCode);
        var partner = JsonDocument.Parse(await s.Leader.GetStringAsync("/api/v1/account/me/export")).RootElement;
        Assert.Equal(Person.ErasedName, Assert.Single(partner.GetProperty("pairings").EnumerateArray()).GetProperty("partner").GetString());
        Assert.Equal(["The leader's own note"], Assert.Single(partner.GetProperty("pairings").EnumerateArray()).GetProperty("myNotes").EnumerateArray()
            .Select(n => n.GetProperty("text").GetString()));
        Assert.Equal(0, await App.Query(db => db.Messages.CountAsync()));
        await Seal();
        var verified = await App.Query(db => VerifyAuditLog.Handle(db, CancellationToken.None));
        Assert.True(verified.Intact, verified.Problem);
        var entry = await App.Query(db => db.AuditLog.SingleAsync(a => a.Action == "person.erased"));
        Assert.StartsWith("erased-", entry.Summary, StringComparison.Ordinal);
        Assert.True(await App.Query(db => db.AuditLog.AnyAsync(a => a.Summary.Contains(entry.Summary.Substring(0, 23)) && a.Action == "account.sign-in-refused")));
    }

    [Fact]
    public async Task Erase_Again_AnswersWithTheFirstErasure()
    {
        var s = await APairedPerson();
        var first = JsonDocument.Parse(await (await Admin.PostAsync($"/api/v1/people/{s.PersonId}/erase", null)).Content.ReadAsStringAsync()).RootElement;

        var again = await Admin.PostAsync($"/api/v1/people/{s.PersonId}/erase", null);

        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        var second = JsonDocument.Parse(await again.Content.ReadAsStringAsync()).RootElement;
        Assert.True(second.GetProperty("alreadyErased").GetBoolean());
        Assert.Equal(first.GetProperty("pseudonym").GetString(), second.GetProperty("pseudonym").GetString());
        Assert.Equal(1, await App.Query(db => db.AuditLog.CountAsync(a => a.Action == "person.erased")));
    }

    [Fact]
    public async Task Erase_Yourself_Returns409()
    {
        var me = Seed.APerson("ADA1", 5);
        me.Email = Given.AdminEmail;
        await Seed.People(App, me);

        var response = await Admin.PostAsync($"/api/v1/people/{me.Id}/erase", null);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("cannot erase yourself", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Erase_TheLastActiveAdministrator_IsRefused()
    {
        var ada = Seed.APerson("ADA1", 5);
        ada.Email = Given.AdminEmail;
        await Seed.People(App, ada);

        // Only a CLI run or a job acts without an account of its own; from a request the viewer is always another administrator.
        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<Data.FlipsideDb>();
        var outcome = await Features.Privacy.ErasePerson.Handle(ada.Id, Features.Shared.Viewer.System(db, "cli"), db,
            scope.ServiceProvider.GetRequiredService<global::Flipside.Infrastructure.Security.Pseudonyms>(), App.Clock, CancellationToken.None);

        Assert.Equal(Features.Shared.Refusal.Conflict, outcome.Problem?.Refusal);
        Assert.Contains("last active administrator", outcome.Problem!.Reason, StringComparison.Ordinal);
        Assert.Equal(Given.AdminEmail, await App.Query(db => db.People.Where(p => p.Id == ada.Id).Select(p => p.Email).SingleAsync()));
    }

    [Fact]
    public async Task Erase_ByAProgramManager_Returns403_AndAnUnknownPerson404()
    {
        var s = await APairedPerson();
        var manager = await Given.SignedIn(App, Pairs.ManagerEmail);

        Assert.Equal(HttpStatusCode.Forbidden, (await manager.PostAsync($"/api/v1/people/{s.PersonId}/erase", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Admin.PostAsync($"/api/v1/people/{Guid.NewGuid()}/erase", null)).StatusCode);
        Assert.Equal(Name, await App.Query(db => db.People.Where(p => p.Id == s.PersonId).Select(p => p.Name).SingleAsync()));
    }

    [Fact]
    public async Task ThePersonPage_ErasesOnlyWhenConfirmed()
    {
        var s = await APairedPerson();
        var page = $"/People/Person?id={s.PersonId}";
        Assert.Contains($"Erase {Name}", await Admin.GetStringAsync(page), StringComparison.Ordinal);

        var unconfirmed = await Admin.Submit(page, new Dictionary<string, string>(), $"{page}&handler=Erase");
        Assert.Equal(HttpStatusCode.OK, unconfirmed.StatusCode);
        Assert.Contains("Tick the box to confirm", await unconfirmed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(Name, await App.Query(db => db.People.Where(p => p.Id == s.PersonId).Select(p => p.Name).SingleAsync()));

        var confirmed = await Admin.Submit(page, new Dictionary<string, string> { ["confirmed"] = "true" }, $"{page}&handler=Erase");
        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        var after = await Admin.GetStringAsync(page);
        Assert.DoesNotContain(Name, after, StringComparison.Ordinal);
        Assert.DoesNotContain("Erase personal data", after, StringComparison.Ordinal);
    }

    /// <summary>
    /// Where the text is in the stored bytes, or null: on SQLite the database file and its log, read raw (and, to say
    /// where, every value of every table); on PostgreSQL every row of every table as text, which includes every column.
    /// </summary>
    private async Task<string?> WhereHeld(string text)
    {
        if (!TestDatabase.IsPostgres)
        {
            SqliteConnection.ClearAllPools();
            var file = Path.Combine(App.Database.DataDirectory, "flipside.db");
            var needle = Encoding.UTF8.GetBytes(text);
            if (!new[] { file, file + "-wal" }.Where(File.Exists).Any(f => File.ReadAllBytes(f).AsSpan().IndexOf(needle) >= 0)) return null;
            await using var sqlite = new SqliteConnection(App.Database.ConnectionString);
            await sqlite.OpenAsync();
            var names = new List<string>();
            await using (var list = new SqliteCommand("SELECT name FROM sqlite_master WHERE type = 'table'", sqlite))
            await using (var reader = await list.ExecuteReaderAsync())
                while (await reader.ReadAsync()) names.Add(reader.GetString(0));
            foreach (var name in names)
            {
                await using var all = new SqliteCommand($"SELECT * FROM \"{name}\"", sqlite);
                await using var rows = await all.ExecuteReaderAsync();
                while (await rows.ReadAsync())
                    for (var i = 0; i < rows.FieldCount; i++)
                        if (rows.GetValue(i) switch { string v => v, byte[] b => Encoding.UTF8.GetString(b), _ => "" } is var value && value.Contains(text, StringComparison.Ordinal))
                            return $"{text} in {name}.{rows.GetName(i)}: {value[..Math.Min(value.Length, 300)]}";
            }
            return $"{text} in the file's free pages or log";
        }
        await using var connection = new NpgsqlConnection(App.Database.ConnectionString);
        await connection.OpenAsync();
        var tables = new List<string>();
        await using (var list = new NpgsqlCommand("SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'", connection))
        await using (var reader = await list.ExecuteReaderAsync())
            while (await reader.ReadAsync()) tables.Add(reader.GetString(0));
        var hex = Convert.ToHexStringLower(Encoding.UTF8.GetBytes(text));
        foreach (var table in tables)
        {
            await using var find = new NpgsqlCommand($"SELECT t::text FROM \"{table}\" t WHERE strpos(t::text, @text) > 0 OR strpos(t::text, @hex) > 0 LIMIT 1", connection);
            find.Parameters.AddWithValue("text", text);
            find.Parameters.AddWithValue("hex", hex);
            if (await find.ExecuteScalarAsync() is string row) return $"{text} in {table}: {row[..Math.Min(row.Length, 300)]}";
        }
        return null;
    }
}
