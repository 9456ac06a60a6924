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

    public async Task InitializeAsync()
    {
        _app = new FlipsideFactory().With("Smtp:Host", "127.0.0.1").With("Smtp:Port", _smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture)).With("Smtp:Security", "None");
        var admin = await Given.AnAdministrator(_app);
        await Given.AnInvitationToken(_app, admin, "nia@example.com");
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
    public async Task Sender_StoppedRightAfterTheServerAcceptedAMessage_StillRecordsItAsSent()
    {
        using var shutdown = new CancellationTokenSource();
        await using (var scope = _app.Services.CreateAsyncScope())
        {
            // The host stops just as the server has accepted the message, before its row is saved.
            var transport = new Intercepted(scope.ServiceProvider.GetRequiredService<IMailTransport>(), after: shutdown.CancelAsync);
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
}

/// <summary>The real transport, with a hook the test runs after each message's send, before its outcome is recorded.</summary>
internal sealed class Intercepted(IMailTransport inner, Func<Task> after) : IMailTransport
{
    public Task SendAsync(IReadOnlyList<MimeMessage> messages, Func<MimeMessage, Exception?, Task> afterEach, CancellationToken ct) =>
        inner.SendAsync(messages, async (m, e) =>
        {
            await after();
            await afterEach(m, e);
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
