using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Flipside.Domain;
using Flipside.Features.Privacy;
using Flipside.Infrastructure.Jobs;
using Flipside.Tests.Conversations;
using Flipside.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Flipside.Tests.Privacy;

/// <summary>A program's retention setting, and the job that deletes the notes and messages of pairings ended long enough ago.</summary>
public sealed class RetentionTests(FlipsideFactory app) : AdministeredTests(app)
{
    private async Task<int?> RunJob()
    {
        var job = App.Services.GetServices<JobRegistration>().Single(j => j.Name == RetentionJob.Name);
        var ran = await App.Services.GetRequiredService<JobRunner>().RunAsync(job, CancellationToken.None);
        App.Clock.Advance(TimeSpan.FromDays(1)); // the next interval, so the runner does not skip the next run
        return ran;
    }

    private Task End(Guid pairingId) => App.Query(async db =>
    {
        var pairing = await db.Pairings.SingleAsync(p => p.Id == pairingId);
        pairing.End(PairingActor.ProgramManager, "finished", rematch: false, App.Clock.GetUtcNow());
        return await db.SaveChangesAsync();
    });

    private Task SetRetention(Guid programId, int? months) => App.Query(async db =>
    {
        (await db.Programs.SingleAsync(p => p.Id == programId)).RetentionMonths = months;
        return await db.SaveChangesAsync();
    });

    [Fact]
    public async Task TheJob_DeletesNotesAndMessagesOfPairingsEndedLongerAgo_Once_AndAuditsACount()
    {
        var pairs = await Pairs.Published(App, Admin);
        await Pairs.Write(pairs.Mentor, pairs.First, "Ended pair's private note");
        await Pairs.Write(pairs.Mentee, pairs.First, "Ended pair's shared note", shared: true);
        await Pairs.Send(pairs.Mentor, pairs.First, "Ended pair's message");
        await Pairs.Write(pairs.OtherMentee, pairs.Second, "Running pair's note");
        await SetRetention(pairs.ProgramId, 3);
        await End(pairs.First);

        App.Clock.Advance(TimeSpan.FromDays(80));
        Assert.Equal(0, await RunJob());
        Assert.Equal(3, await App.Query(db => db.Notes.CountAsync()));

        App.Clock.Advance(TimeSpan.FromDays(15));
        Assert.Equal(3, await RunJob());
        Assert.Equal(0, await RunJob());

        Assert.Equal([pairs.Second], await App.Query(db => db.Notes.Select(n => n.PairingId).ToListAsync()));
        Assert.Equal(0, await App.Query(db => db.Messages.CountAsync()));
        var entry = Assert.Single(await App.Query(db => db.AuditLog.Where(a => a.Action == "pairing.content-deleted").ToListAsync()));
        Assert.Equal("2 notes and 1 message of 1 pairing that ended more than 3 months ago", entry.Summary);
        Assert.DoesNotContain("Ended pair", entry.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WithoutASetting_TheJobKeepsEverything()
    {
        var pairs = await Pairs.Published(App, Admin);
        await Pairs.Write(pairs.Mentor, pairs.First, "Kept note");
        await End(pairs.First);
        App.Clock.Advance(TimeSpan.FromDays(3650));

        Assert.Equal(0, await RunJob());

        Assert.Equal(1, await App.Query(db => db.Notes.CountAsync()));
    }

    [Fact]
    public async Task TheSetting_IsSavedThroughTheApi_AndOutOfRangeIsRefusedNamingTheField()
    {
        var manager = await Given.AnAccount(App, Admin, Pairs.ManagerEmail, Roles.ProgramManager);
        object Body(int? months) => new { name = "Kept", objectives = new[] { new { title = "Learn", measures = new[] { new { name = "Use", target = 1 } } } }, retentionMonths = months };

        var refused = await manager.PostAsJsonAsync("/api/v1/programs", Body(0));
        var tooLong = await manager.PostAsJsonAsync("/api/v1/programs", Body(121));
        var saved = await manager.PostAsJsonAsync("/api/v1/programs", Body(18));

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("\"retentionMonths\"", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);
        Assert.Equal(HttpStatusCode.Created, saved.StatusCode);
        var details = JsonDocument.Parse(await saved.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(18, details.GetProperty("program").GetProperty("retentionMonths").GetInt32());
    }

    [Fact]
    public async Task TheProgramForm_OffersTheSetting()
    {
        await Given.AnAccount(App, Admin, Pairs.ManagerEmail, Roles.ProgramManager);
        var (programId, _) = await Seed.AProgram(App, Pairs.ManagerEmail);
        var page = await Admin.GetStringAsync($"/Programs/Edit?id={programId}");

        Assert.Contains("Delete private notes and messages after (months)", page, StringComparison.Ordinal);
        Assert.Contains("name=\"Input.RetentionMonths\"", page, StringComparison.Ordinal);
    }
}
