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
}

public static class EmailSetup
{
    public static void AddFlipsideEmail(this IServiceCollection services, IConfiguration config)
    {
        services.Configure<SmtpSettings>(config.GetSection("Smtp"));
        services.AddScoped<IMailTransport, SmtpMailTransport>();
        services.AddScoped<OutboxSender>();
    }
}
