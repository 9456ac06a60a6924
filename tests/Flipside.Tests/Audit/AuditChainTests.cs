using System.Net;
using System.Net.Http.Json;
using Flipside.Features.Audit;
using Flipside.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Flipside.Tests.Audit;

/// <summary>The audit log's hash chain: sealed by the job, checked by <c>flipside audit verify</c> as a process.</summary>
public sealed class AuditChainTests(FlipsideFactory app) : AdministeredTests(app)
{
    private Task<FlipsideProcess.Outcome> Verify() => FlipsideProcess.Run(["audit", "verify", "--data", App.Database.DataDirectory], new Dictionary<string, string>
    {
        ["Database__Provider"] = App.Database.Provider,
        ["ConnectionStrings__Flipside"] = App.Database.ConnectionString,
    }, TimeSpan.FromSeconds(300));

    private async Task<int> Seal()
    {
        await using var scope = App.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<SealAuditLog>().RunOnceAsync(CancellationToken.None);
    }

    /// <summary>Audit entries through the front door: each invitation records one, each refused sign-in another.</summary>
    private async Task Activity(int invitations)
    {
        await Task.WhenAll(Enumerable.Range(1, invitations).Select(async i =>
        {
            var invited = await Admin.PostAsJsonAsync("/api/v1/admin/invitations", new { email = $"person{i}@example.com", name = $"Person {i}", role = "Participant" });
            Assert.Equal(HttpStatusCode.Created, invited.StatusCode);
            await App.Browser().PostAsJsonAsync("/api/v1/account/sign-in", new { email = $"person{i}@example.com", password = "not the password 1" });
        }));
    }

    private Task<List<long>> ChainedIds() => App.Query(db => db.AuditLog.Where(a => a.Sequence != null).OrderBy(a => a.Sequence).Select(a => a.Id).ToListAsync());

    [Fact]
    public async Task Verify_AfterConcurrentWritesAndSeals_SaysOkWithTheCount()
    {
        await Activity(8);
        // Two seals at once, as two instances would run them: one waits for the other, and the chain stays one.
        var sealedCounts = await Task.WhenAll(Seal(), Seal());
        await Activity(3);
        await Seal();
        var total = await App.Query(db => db.AuditLog.CountAsync());

        var run = await Verify();

        Assert.True(run.ExitCode == 0, run.Error + run.Out);
        Assert.Contains($"OK: {total} entries chained", run.Out);
        Assert.True(sealedCounts.Sum() >= 16, $"sealed {string.Join(", ", sealedCounts)}");
        Assert.Equal(Enumerable.Range(1, total).Select(i => (long)i),
            await App.Query(db => db.AuditLog.OrderBy(a => a.Sequence).Select(a => a.Sequence!.Value).ToListAsync()));
    }

    [Fact]
    public async Task Verify_WithEntriesNotYetSealed_CountsThemApart()
    {
        await Activity(2);
        await Seal();
        await Activity(1);

        var run = await Verify();

        Assert.True(run.ExitCode == 0, run.Error + run.Out);
        Assert.Contains("Not chained yet: 2 newer entries", run.Out);
    }

    [Fact]
    public async Task Verify_AfterASummaryIsEditedWithSql_ReportsThatEntry()
    {
        await Activity(3);
        await Seal();
        var edited = (await ChainedIds())[3];
        await App.Query(db => db.Database.ExecuteSqlAsync($"UPDATE \"AuditLog\" SET \"Summary\" = 'nothing happened' WHERE \"Id\" = {edited}"));

        var run = await Verify();

        Assert.Equal(1, run.ExitCode);
        Assert.Contains($"BROKEN at audit entry {edited}:", run.Error);
        Assert.Contains("changed", run.Error);
    }

    [Fact]
    public async Task Verify_AfterARowIsDeleted_ReportsTheEntryAfterTheGap()
    {
        await Activity(3);
        await Seal();
        var ids = await ChainedIds();
        await App.Query(db => db.Database.ExecuteSqlAsync($"DELETE FROM \"AuditLog\" WHERE \"Id\" = {ids[2]}"));

        var run = await Verify();

        Assert.Equal(1, run.ExitCode);
        Assert.Contains($"BROKEN at audit entry {ids[3]}:", run.Error);
        Assert.Contains("deleted", run.Error);
    }
}
