using Flipside.Infrastructure.Jobs;
using Flipside.Infrastructure.Security;

namespace Flipside.Features.Chat;

public static class ChatSetup
{
    public static void AddChat(this IServiceCollection services, IConfiguration config)
    {
        services.AddSingleton(ChatOptions.From(config));
        services.AddScoped<ChatWebhookSecrets>();
        // No redirects: a webhook that moves is answered as gone, rather than followed to wherever it points.
        services.AddHttpClient(ChatSender.HttpClientName, c => c.Timeout = TimeSpan.FromSeconds(10))
            .ConfigurePrimaryHttpMessageHandler(() => new HttpClientHandler { AllowAutoRedirect = false })
            // The factory's request logging writes each URL, and a Slack webhook's secret is its path: sealed at rest, it
            // must not turn up in the logs instead. The sender records the outcome of each post itself.
            .RemoveAllLoggers();
        // Every 15 seconds, like the email outbox: an announcement is news of the moment.
        services.AddJob<ChatSender>(ChatSender.Name, every: TimeSpan.FromSeconds(15));
        // Daily is enough for a 90-day limit; a missed day only keeps the rows a day longer.
        services.AddJob<ChatRetention>(ChatRetention.Name, every: TimeSpan.FromDays(1));
    }
}
