using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Flipside.Tests.Chat;

/// <summary>
/// Stands in for Slack's and Teams' incoming webhooks: a real Kestrel on a loopback port that records every post and
/// answers from a script (status and Retry-After), then 200 once the script runs out.
/// </summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    public sealed record Received(string Path, string ContentType, string Body);

    private readonly WebApplication _app;
    private readonly ConcurrentQueue<(int Status, string? RetryAfter)> _script = new();
    private readonly ConcurrentQueue<Received> _received = new();

    private WebhookReceiver(WebApplication app) => _app = app;

    public string BaseUrl { get; private set; } = "";
    public IReadOnlyList<Received> Requests => [.. _received];

    public static async Task<WebhookReceiver> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var receiver = new WebhookReceiver(app);
        app.Run(async context =>
        {
            using var reader = new StreamReader(context.Request.Body);
            receiver._received.Enqueue(new(context.Request.Path, context.Request.ContentType ?? "", await reader.ReadToEndAsync()));
            var (status, retryAfter) = receiver._script.TryDequeue(out var next) ? next : (200, null);
            context.Response.StatusCode = status;
            if (retryAfter is not null) context.Response.Headers.RetryAfter = retryAfter;
            await context.Response.WriteAsync(status == 200 ? "ok" : "no");
        });
        await app.StartAsync();
        receiver.BaseUrl = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return receiver;
    }

    public string Url(string path) => BaseUrl + path;

    /// <summary>The next posts get these answers, in order.</summary>
    public void Answer(int status, string? retryAfter = null) => _script.Enqueue((status, retryAfter));

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
