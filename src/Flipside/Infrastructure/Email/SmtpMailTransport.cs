using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Flipside.Infrastructure.Email;

public interface IMailTransport
{
    /// <param name="beforeEach">Runs just before each message goes out; false skips that message.</param>
    /// <param name="afterEach">Runs after each message that was sent or refused, with the error if refused.</param>
    Task SendAsync(IReadOnlyList<MimeMessage> messages, Func<MimeMessage, Task<bool>> beforeEach, Func<MimeMessage, Exception?, Task> afterEach, CancellationToken ct);
}

/// <summary>Sends over one SMTP connection per batch with MailKit.</summary>
public sealed class SmtpMailTransport(IOptions<SmtpSettings> options) : IMailTransport
{
    public async Task SendAsync(IReadOnlyList<MimeMessage> messages, Func<MimeMessage, Task<bool>> beforeEach, Func<MimeMessage, Exception?, Task> afterEach, CancellationToken ct)
    {
        var s = options.Value;
        using var client = new SmtpClient();
        await client.ConnectAsync(s.Host!, s.Port, Enum.Parse<SecureSocketOptions>(s.Security, ignoreCase: true), ct);
        if (!string.IsNullOrEmpty(s.Username))
            await client.AuthenticateAsync(s.Username, s.Password ?? "", ct);
        foreach (var message in messages)
        {
            if (!await beforeEach(message)) continue;
            Exception? error = null;
            try { await client.SendAsync(message, ct); }
            catch (Exception e) when (e is SmtpCommandException or SmtpProtocolException or IOException) { error = e; }
            await afterEach(message, error);
        }
        await client.DisconnectAsync(quit: true, ct);
    }
}
