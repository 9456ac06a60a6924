using System.Net.Http.Json;
using Flipside.Domain;
using Flipside.Infrastructure.Email;
using Flipside.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace Flipside.Tests.Infrastructure;

public sealed class OutboxTests : IAsyncLifetime
{
    private readonly TinySmtpServer _smtp = new();
    private FlipsideFactory _app = null!;
    private HttpClient _admin = null!;

    public async Task InitializeAsync()
    {
        _app = new FlipsideFactory().With("Smtp:Host", "127.0.0.1").With("App:PublicUrl", "https://flipside.example.com").With("Security:HttpsCookies", "false").With("Smtp:Port", _smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture)).With("Smtp:Security", "None");
        _admin = await Given.AnAdministrator(_app);
        await Given.AnInvitationToken(_app, _admin, "nia@example.com");
    }

    public async Task DisposeAsync()
    {
        _app.Dispose();
        await _smtp.DisposeAsync();
    }

    private async Task<int> RunSender()
    {
        await using var scope = _app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<OutboxSender>().RunOnceAsync(CancellationToken.None);
    }

    [Fact]
    public async Task Sender_DeliversOverSmtp_Once()
    {
        Assert.Equal(1, await RunSender());
        Assert.Equal(0, await RunSender());

        var delivered = Assert.Single(_smtp.Messages);
        Assert.Contains("To: nia@example.com", delivered);
        Assert.Contains("Subject: Your invitation to Flipside", delivered);
        var message = await _app.Query(db => db.Outbox.SingleAsync());
        Assert.Equal("Sent", message.Status);
    }

    [Fact]
    public async Task AMeetingInvite_ReachesTheSmtpServer_AsACalendarRequestThatParsesBack()
    {
        await _app.Query(async db => { db.Outbox.RemoveRange(db.Outbox); return await db.SaveChangesAsync(); });
        var pair = await Sessions.APair.Make(_app, _admin);
        var planned = await pair.Proposed(pair.AsMentee, "2026-11-24T10:00");
        await RunSender();

        var raw = Assert.Single(_smtp.Messages, m => m.Contains($"To: {pair.Mentor.Email}", StringComparison.OrdinalIgnoreCase) && m.Contains("text/calendar", StringComparison.Ordinal));
        var mime = await MimeMessage.LoadAsync(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(raw)));
        var ics = Assert.Single(mime.Attachments.OfType<MimePart>(), a => a.ContentType.MimeType == "text/calendar");
        Assert.NotNull(ics.Content);
        Assert.Equal("REQUEST", ics.ContentType.Parameters["method"]);
        using var content = new MemoryStream();
        await ics.Content.DecodeToAsync(content);
        var e = Assert.Single(Ical.Net.Calendar.Load(System.Text.Encoding.UTF8.GetString(content.ToArray()))!.Events);
        Assert.Equal(await _app.Query(db => db.Meetings.Where(m => m.Id == planned.MeetingId).Select(m => m.CalendarUid).SingleAsync()), e.Uid);
        Assert.Equal(new DateTime(2026, 11, 24, 10, 0, 0, DateTimeKind.Utc), e.DtStart!.AsUtc);
    }

    [Fact]
    public async Task Sender_StoppedRightAfterTheServerAcceptedAMessage_StillRecordsItAsSent()
    {
        using var shutdown = new CancellationTokenSource();
        await using (var scope = _app.Services.CreateAsyncScope())
        {
            // The host stops just as the server has accepted the message, before its row is saved.
            var transport = new Intercepted(scope.ServiceProvider.GetRequiredService<IMailTransport>(), beforeRecording: shutdown.CancelAsync);
            var sender = ActivatorUtilities.CreateInstance<OutboxSender>(scope.ServiceProvider, transport);
            try { await sender.RunOnceAsync(shutdown.Token); }
            catch (OperationCanceledException) { } // the job host expects this on shutdown
        }

        _app.Clock.Advance(TimeSpan.FromHours(1)); // the claim has long expired
        Assert.Equal(0, await RunSender());

        Assert.Single(_smtp.Messages);
        Assert.Equal("Sent", (await _app.Query(db => db.Outbox.AsNoTracking().SingleAsync())).Status);
    }

    [Fact]
    public async Task TwoSenders_WhenABatchOutlastsItsClaim_SendEachMessageExactlyOnce()
    {
        await Given.AnInvitationToken(_app, _admin, "omar@example.com");
        await Given.AnInvitationToken(_app, _admin, "pia@example.com");
        var second = -1;

        await using (var scope = _app.Services.CreateAsyncScope())
        {
            // The first sender is slow: after its first message the claim on its batch has expired, and a second
            // sender (another app instance) claims and sends what is left before the first one carries on.
            var transport = new Intercepted(scope.ServiceProvider.GetRequiredService<IMailTransport>(), afterRecording: async () =>
            {
                if (second >= 0) return;
                _app.Clock.Advance(TimeSpan.FromMinutes(6));
                second = await RunSender();
            });
            var first = await ActivatorUtilities.CreateInstance<OutboxSender>(scope.ServiceProvider, transport).RunOnceAsync(CancellationToken.None);
            Assert.Equal((1, 2), (first, second));
        }

        Assert.Equal(3, _smtp.Messages.Count);
        Assert.Equal(3, _smtp.Messages.Select(m => m.Split('\n').First(l => l.StartsWith("To: ", StringComparison.Ordinal))).Distinct().Count());
        Assert.All(await _app.Query(db => db.Outbox.AsNoTracking().ToListAsync()), m => Assert.Equal("Sent", m.Status));
    }

    [Fact]
    public async Task Sender_WhenTheServerIsDown_RetriesLaterWithBackoff()
    {
        await _smtp.DisposeAsync();

        Assert.Equal(0, await RunSender());
        var first = await _app.Query(db => db.Outbox.AsNoTracking().SingleAsync());
        Assert.Equal(("Retrying", 1), (first.Status, first.Attempts));
        Assert.Equal(FlipsideFactory.Start + TimeSpan.FromMinutes(1), first.NextAttemptAt);

        Assert.Equal(0, await RunSender()); // not due yet: nothing is tried
        Assert.Equal(1, (await _app.Query(db => db.Outbox.AsNoTracking().SingleAsync())).Attempts);

        _app.Clock.Advance(TimeSpan.FromMinutes(1));
        await RunSender();
        var second = await _app.Query(db => db.Outbox.AsNoTracking().SingleAsync());
        Assert.Equal(2, second.Attempts);
        Assert.Equal(_app.Clock.GetUtcNow() + TimeSpan.FromMinutes(2), second.NextAttemptAt);
    }

    [Fact]
    public async Task Sender_GivesUpAfterTheLastAttempt()
    {
        await _smtp.DisposeAsync();
        for (var i = 0; i < OutboxMessage.MaxAttempts; i++)
        {
            await RunSender();
            _app.Clock.Advance(TimeSpan.FromDays(1));
        }

        var message = await _app.Query(db => db.Outbox.AsNoTracking().SingleAsync());
        Assert.Equal("Failed", message.Status);
        Assert.Equal(OutboxMessage.MaxAttempts, message.Attempts);
    }

    private async Task<Guid> AMessageThatFailed()
    {
        await _smtp.DisposeAsync();
        for (var i = 0; i < OutboxMessage.MaxAttempts; i++)
        {
            await RunSender();
            // Just the backoff (about two hours in all), so the administrator's session outlives it.
            _app.Clock.Advance(TimeSpan.FromMinutes(Math.Pow(2, i)));
        }
        return await _app.Query(db => db.Outbox.Where(m => m.FailedAt != null).Select(m => m.Id).SingleAsync());
    }

    [Fact]
    public async Task SendAgain_OnTheMessagePage_PutsAFailedMessageBackInTheQueue_AndItIsDelivered()
    {
        var id = await AMessageThatFailed();
        var page = $"/Admin/OutboxMessage?id={id}";
        Assert.Contains("Send again", await (await _admin.GetAsync(page)).Html());

        var response = await _admin.Submit(page, new Dictionary<string, string>(), $"{page}&handler=SendAgain");

        Assert.Equal(System.Net.HttpStatusCode.Redirect, response.StatusCode);
        var after = await (await _admin.GetAsync(response.Headers.Location!.OriginalString)).Html();
        Assert.Contains("waiting to be sent again", after);
        Assert.DoesNotContain(">Send again</button>", after);
        var queued = await _app.Query(db => db.Outbox.AsNoTracking().SingleAsync(m => m.Id == id));
        Assert.Equal(("Waiting", 0, null), (queued.Status, queued.Attempts, queued.LastError));

        // The mail server is back (here: a new one); the message goes out on the next run.
        await using var mended = new TinySmtpServer();
        var fixedApp = _app.WithWebHostBuilder(b => b.UseSetting("Smtp:Port", mended.Port.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        await using (var scope = fixedApp.Services.CreateAsyncScope())
            Assert.Equal(1, await scope.ServiceProvider.GetRequiredService<OutboxSender>().RunOnceAsync(CancellationToken.None));
        Assert.Contains("To: nia@example.com", Assert.Single(mended.Messages));
    }

    [Fact]
    public async Task SendAgain_OnAMessageThatHasNotFailed_IsRefused()
    {
        var id = await _app.Query(db => db.Outbox.Select(m => m.Id).SingleAsync());
        var page = $"/Admin/OutboxMessage?id={id}";
        Assert.DoesNotContain("Send again", await (await _admin.GetAsync(page)).Html());

        var response = await _admin.Submit(page, new Dictionary<string, string>(), $"{page}&handler=SendAgain");

        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Only a message that failed can be sent again; this one is waiting.", await response.Html());
    }

    [Fact]
    public async Task SendAgainApi_QueuesAFailedMessage_RefusesOneThatHasNot_AndAnswers404ForAnUnknownOne()
    {
        var id = await AMessageThatFailed();
        var url = $"/api/v1/admin/outbox/{id}/send-again";

        Assert.Equal(System.Net.HttpStatusCode.NoContent, (await _admin.PostAsync(url, null)).StatusCode);
        var queued = await _app.Query(db => db.Outbox.AsNoTracking().SingleAsync(m => m.Id == id));
        Assert.Equal(("Waiting", 0), (queued.Status, queued.Attempts));
        var rows = await _admin.GetFromJsonAsync<OutboxRow[]>("/api/v1/admin/outbox", Json.Options);
        Assert.Equal("Waiting", Assert.Single(rows!).Status);

        var again = await _admin.PostAsync(url, null);
        Assert.Equal(System.Net.HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal("application/problem+json", again.Content.Headers.ContentType?.MediaType);
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await _admin.PostAsync($"/api/v1/admin/outbox/{Guid.NewGuid()}/send-again", null)).StatusCode);
    }

    private sealed record OutboxRow(Guid Id, string Status);
}

public sealed class SmtpSettingsTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("flipside-smtp-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Theory]
    [InlineData("Smtp__Security", "Tls", "Smtp:Security is 'Tls'; use None, Auto, SslOnConnect, StartTls or StartTlsWhenAvailable.")]
    [InlineData("Smtp__Port", "smtp", "Smtp:Port is 'smtp'; use a port number from 1 to 65535")]
    [InlineData("Smtp__From", "Flipside", "Smtp:From is 'Flipside'; use an address such as")]
    public async Task AMistakeInTheSmtpSettings_StopsStartupWithOneLineNamingTheSetting(string variable, string value, string expected)
    {
        var data = Path.Combine(_dir, "data");

        var run = await FlipsideProcess.Run(["--data", data, "--urls", "http://127.0.0.1:0"],
            new Dictionary<string, string> { ["Smtp__Host"] = "smtp.example.com", [variable] = value }, TimeSpan.FromSeconds(30));

        Assert.Equal(1, run.ExitCode);
        var line = Assert.Single(run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith(expected, line, StringComparison.Ordinal);
        Assert.False(Directory.Exists(data));
    }
}

/// <summary>The real transport, with hooks the test runs after each message's send: before its outcome is recorded, and after.</summary>
internal sealed class Intercepted(IMailTransport inner, Func<Task>? beforeRecording = null, Func<Task>? afterRecording = null) : IMailTransport
{
    public Task SendAsync(IReadOnlyList<MimeMessage> messages, Func<MimeMessage, Task<bool>> beforeEach, Func<MimeMessage, Exception?, Task> afterEach, CancellationToken ct) =>
        inner.SendAsync(messages, beforeEach, async (m, e) =>
        {
            if (beforeRecording is not null) await beforeRecording();
            await afterEach(m, e);
            if (afterRecording is not null) await afterRecording();
        }, ct);
}

public sealed class OutboxWithoutSmtpTests : IDisposable
{
    private readonly FlipsideFactory _app = new();

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task WithoutSmtp_MailWaitsInTheOutbox_WhereAdministratorsReadIt()
    {
        var admin = await Given.AnAdministrator(_app);
        await Given.AnInvitationToken(_app, admin, "nia@example.com");

        await using (var scope = _app.Services.CreateAsyncScope())
            Assert.Equal(0, await scope.ServiceProvider.GetRequiredService<OutboxSender>().RunOnceAsync(CancellationToken.None));

        var list = await (await admin.GetAsync("/Admin/Outbox")).Html();
        Assert.Contains("Your invitation to Flipside", list);
        Assert.Contains("Waiting", list);
        var id = await _app.Query(db => db.Outbox.Select(m => m.Id).SingleAsync());
        var message = await (await admin.GetAsync($"/Admin/OutboxMessage?id={id}")).Html();
        Assert.Contains("/Account/Invitation?token=", message);
    }
}
