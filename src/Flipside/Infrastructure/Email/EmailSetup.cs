using System.Globalization;
using Flipside.Infrastructure.Jobs;
using Flipside.Infrastructure.Startup;
using MailKit.Security;
using MimeKit;

namespace Flipside.Infrastructure.Email;

/// <summary>SMTP settings under <c>Smtp:*</c>. Without a host, mail stays in the outbox for administrators to read.</summary>
public sealed class SmtpSettings
{
    public string? Host { get; set; }
    public int Port { get; set; } = 587;
    public string? Username { get; set; }
    public string? Password { get; set; }
    public string From { get; set; } = "Flipside <no-reply@flipside.local>";
    /// <summary>Auto, StartTls, SslOnConnect or None.</summary>
    public string Security { get; set; } = "Auto";

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Host);

    /// <summary>
    /// What is wrong with the <c>Smtp</c> section, if anything. Checked at startup: a typo here used to surface only
    /// as every message failing eight times, with nothing to say why the app was running but not sending.
    /// </summary>
    public static string? Problem(IConfiguration smtp)
    {
        var security = smtp["Security"];
        var names = Enum.GetNames<SecureSocketOptions>();
        if (security is not null && !names.Contains(security, StringComparer.OrdinalIgnoreCase))
            return $"Smtp:Security is '{security}'; use {string.Join(", ", names[..^1])} or {names[^1]}.";
        var port = smtp["Port"];
        if (port is not null && !(int.TryParse(port, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number is >= 1 and <= 65535))
            return $"Smtp:Port is '{port}'; use a port number from 1 to 65535, usually 587 (StartTls) or 465 (SslOnConnect).";
        var from = smtp["From"];
        if (from is not null && !(MailboxAddress.TryParse(from, out var sender) && sender.Domain.Length > 0))
            return $"Smtp:From is '{from}'; use an address such as \"Flipside <flipside@example.com>\".";
        return null;
    }
}

public static class EmailSetup
{
    public static void AddFlipsideEmail(this IServiceCollection services, IConfiguration config)
    {
        // Thrown while the app is built, so every verb refuses to start and prints the one line (ServeCommand.RunGuarded).
        if (SmtpSettings.Problem(config.GetSection("Smtp")) is { } problem) throw new StartupException(problem);
        services.Configure<SmtpSettings>(config.GetSection("Smtp"));
        services.AddScoped<IMailTransport, SmtpMailTransport>();
        services.AddJob<OutboxSender>("outbox", every: TimeSpan.FromSeconds(15));
    }
}
