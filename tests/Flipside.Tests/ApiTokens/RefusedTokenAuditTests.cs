using System.Net;
using Flipside.Domain;
using Flipside.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Flipside.Tests.ApiTokens;

/// <summary>A script that keeps calling with a dead token shows in the audit log, once a minute, without filling it.</summary>
public sealed class RefusedTokenAuditTests(FlipsideFactory app) : AdministeredTests(app)
{
    [Fact]
    public async Task ARevokedTokenInALoop_IsAuditedOnceAMinutePerToken()
    {
        var (first, firstToken) = await Bearer.ATokenFor(Admin, 30, ApiScope.Programs);
        var (second, secondToken) = await Bearer.ATokenFor(Admin, 30, ApiScope.Programs);
        Assert.Equal(HttpStatusCode.NoContent, (await Admin.DeleteAsync($"/api/v1/account/tokens/{first}")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await Admin.DeleteAsync($"/api/v1/account/tokens/{second}")).StatusCode);
        Task<List<string>> Audited() => App.Query(db => db.AuditLog.Where(a => a.Action == "api-token.refused").Select(a => a.RecordId).ToListAsync());

        for (var i = 0; i < 5; i++)
            Assert.Equal(HttpStatusCode.Unauthorized, (await Bearer.Client(App, firstToken).GetAsync("/api/v1/programs")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Bearer.Client(App, secondToken).GetAsync("/api/v1/programs")).StatusCode);
        Assert.Equal(new[] { first.ToString(), second.ToString() }.Order(StringComparer.Ordinal), (await Audited()).Order(StringComparer.Ordinal));

        App.Clock.Advance(TimeSpan.FromSeconds(61));
        Assert.Equal(HttpStatusCode.Unauthorized, (await Bearer.Client(App, firstToken).GetAsync("/api/v1/programs")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Bearer.Client(App, firstToken).GetAsync("/api/v1/programs")).StatusCode);
        Assert.Equal(2, (await Audited()).Count(id => id == first.ToString()));
    }
}
