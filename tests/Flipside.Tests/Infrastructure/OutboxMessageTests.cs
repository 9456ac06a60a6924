using System.Globalization;
using System.Text;
using Flipside.Domain;
using Flipside.Infrastructure.Email;
using Flipside.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace Flipside.Tests.Infrastructure;

/// <summary>Attachments, a time to send at, and a kind with a correlation key: what calendar invites will need.</summary>
public sealed class OutboxMessageTests : IAsyncLifetime
{
    private const string Calendar = "text/calendar; method=REQUEST";
    private readonly TinySmtpServer _smtp = new();
    private FlipsideFactory _app = null!;

    public Task InitializeAsync()
    {
        _app = new FlipsideFactory().With("Smtp:Host", "127.0.0.1").With("App:PublicUrl", "https://flipside.example.com").With("Security:HttpsCookies", "false").With("Smtp:Port", _smtp.Port.ToString(CultureInfo.InvariantCulture)).With("Smtp:Security", "None");
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        _app.Dispose();
        await _smtp.DisposeAsync();
    }

    private OutboxMessage AMessage(string to = "nia@example.com", string subject = "Your first meeting") =>
        new(to, subject, "See you then.", null, _app.Clock.GetUtcNow());

    private Task Save(params OutboxMessage[] messages) => _app.Query(async db =>
    {
        db.Outbox.AddRange(messages);
        return await db.SaveChangesAsync();
    });

    private async Task<int> RunSender()
    {
        await using var scope = _app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<OutboxSender>().RunOnceAsync(CancellationToken.None);
    }

    [Fact]
    public async Task AMessageWithAnAttachment_ArrivesWithTheAttachmentIntact()
    {
        var invite = Encoding.UTF8.GetBytes("BEGIN:VCALENDAR\r\nMETHOD:REQUEST\r\nSUMMARY:Café with Nia\r\nEND:VCALENDAR\r\n");
        byte[] binary = [0, 1, 2, 254, 255, 13, 10, 46, 46, 13, 10];
        await Save(AMessage().Attach("invite.ics", Calendar, invite).Attach("notes.bin", "application/octet-stream", binary));

        Assert.Equal(1, await RunSender());

        var delivered = MimeMessage.Load(new MemoryStream(Encoding.ASCII.GetBytes(Assert.Single(_smtp.Messages))));
        Assert.Equal("See you then.", delivered.TextBody?.Trim());
        var parts = delivered.Attachments.OfType<MimePart>().ToDictionary(p => p.FileName ?? "");
        Assert.Equal(("text/calendar", "REQUEST"), (parts["invite.ics"].ContentType.MimeType, parts["invite.ics"].ContentType.Parameters["method"]));
        Assert.Equal(invite, Decoded(parts["invite.ics"]));
        Assert.Equal(binary, Decoded(parts["notes.bin"]));
    }

    private static byte[] Decoded(MimePart part)
    {
        using var bytes = new MemoryStream();
        part.Content!.DecodeTo(bytes);
        return bytes.ToArray();
    }

    [Fact]
    public async Task AScheduledMessage_IsNotSentBeforeItsTime_AndIsSentAfter()
    {
        var sendAt = FlipsideFactory.Start + TimeSpan.FromHours(1);
        await Save(AMessage().ScheduleFor(sendAt));
        var admin = await Given.AnAdministrator(_app);

        Assert.Equal(0, await RunSender());
        Assert.Contains("Scheduled for 2026-11-23 10:00 UTC", await (await admin.GetAsync("/Admin/Outbox")).Html());
        _app.Clock.Advance(TimeSpan.FromMinutes(59));
        Assert.Equal(0, await RunSender());
        Assert.Empty(_smtp.Messages);

        _app.Clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(1, await RunSender());
        Assert.Contains("Subject: Your first meeting", Assert.Single(_smtp.Messages));
        var sent = await _app.Query(db => db.Outbox.AsNoTracking().SingleAsync());
        Assert.Equal(("Sent", sendAt), (sent.Status, sent.SentAt));
    }

    [Fact]
    public async Task TheMessagePage_ShowsTheTimeToSendAt_AndTheAttachments()
    {
        var message = AMessage().ScheduleFor(FlipsideFactory.Start + TimeSpan.FromDays(2)).Attach("invite.ics", Calendar, new byte[1234]);
        await Save(message);
        var admin = await Given.AnAdministrator(_app);

        var page = await (await admin.GetAsync($"/Admin/OutboxMessage?id={message.Id}")).Html();

        Assert.Contains("Scheduled", page);
        Assert.Contains("2026-11-25 09:00 UTC, not before", page);
        Assert.Contains("invite.ics", page);
        Assert.Contains("1,234 bytes", page);
    }

    [Fact]
    public async Task MessagesAboutOneThing_AreFoundByKindAndCorrelationKey_NewestFirst()
    {
        const string meeting = "pairing:7/meeting:1";
        var first = AMessage(subject: "Invite").About("meeting-invite", meeting);
        await Save(first, AMessage(subject: "Other meeting").About("meeting-invite", "pairing:7/meeting:2"), AMessage(subject: "Reminder").About("meeting-reminder", meeting));
        _app.Clock.Advance(TimeSpan.FromMinutes(5));
        await Save(AMessage(subject: "Moved").About("meeting-invite", meeting));

        var found = await _app.Query(db => db.Outbox.About("meeting-invite", meeting).Select(m => m.Subject).ToListAsync());

        Assert.Equal(["Moved", "Invite"], found);
    }

    [Fact]
    public async Task AMessageTheMailLibraryCannotWrite_DoesNotHoldUpTheOthers()
    {
        await Save(AMessage(to: "Nia <nia@"), AMessage(to: "omar@example.com"));

        Assert.Equal(1, await RunSender());

        Assert.Contains("To: omar@example.com", Assert.Single(_smtp.Messages));
        var stuck = await _app.Query(db => db.Outbox.AsNoTracking().SingleAsync(m => m.SentAt == null));
        Assert.Equal(("Retrying", 1), (stuck.Status, stuck.Attempts));
    }

    [Theory]
    [InlineData("invite.ics", "calendar")]
    [InlineData("invite.ics", "text/calendar; method")]
    [InlineData("../invite.ics", Calendar)]
    [InlineData("", Calendar)]
    public void AnAttachmentWithoutAPlainNameOrAContentType_IsRefused(string fileName, string contentType) =>
        Assert.Throws<DomainException>(() => AMessage().Attach(fileName, contentType, [1]));

    [Fact]
    public void AMessageAlreadyTried_CannotBeRescheduled()
    {
        var message = AMessage();
        message.MarkFailed("refused", _app.Clock.GetUtcNow());
        Assert.Throws<DomainException>(() => message.ScheduleFor(_app.Clock.GetUtcNow() + TimeSpan.FromDays(1)));
    }

    [Fact]
    public void ATimeAlreadyPassed_MeansAsSoonAsPossible()
    {
        var message = AMessage().ScheduleFor(FlipsideFactory.Start - TimeSpan.FromDays(1));
        Assert.Equal(("Waiting", null, FlipsideFactory.Start), (message.Status, message.SendAt, message.NextAttemptAt));
    }
}
