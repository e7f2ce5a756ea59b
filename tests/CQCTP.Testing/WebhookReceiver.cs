using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CQCTP.Testing;

/// <summary>
/// A webhook receiver on 127.0.0.1 and a free port: records every request and answers with what
/// <see cref="Answer"/> says for the n-th attempt (1-based) of a <c>webhook-id</c> (e.g. 500 for the first two), after
/// <see cref="BeforeAnswer"/> if set.
/// </summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly WebApplication app;

    private WebhookReceiver(WebApplication app) => this.app = app;

    public ConcurrentQueue<ReceivedWebhook> Received { get; } = new();

    public Func<int, int> Answer { get; set; } = _ => StatusCodes.Status204NoContent;

    public Uri Url { get; private set; } = null!;

    /// <summary>
    /// Runs after a request is recorded and before it is answered, with the token that fires when the sender gives up
    /// (its timeout): a test holds a request there to play a slow receiver.
    /// </summary>
    public Func<ReceivedWebhook, CancellationToken, Task>? BeforeAnswer { get; set; }

    public static async Task<WebhookReceiver> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var receiver = new WebhookReceiver(app);
        app.MapPost("/hook", async (HttpRequest request) =>
        {
            using var reader = new StreamReader(request.Body);
            var body = await reader.ReadToEndAsync();
            var headers = request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
            var id = headers.GetValueOrDefault("webhook-id") ?? "";
            var attempt = receiver.Received.Count(r => r.Id == id) + 1;
            var received = new ReceivedWebhook(id, headers, body);
            receiver.Received.Enqueue(received);
            if (receiver.BeforeAnswer is { } hold)
            {
                await hold(received, request.HttpContext.RequestAborted);
            }

            return Results.StatusCode(receiver.Answer(attempt));
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!
            .Addresses.Single();
        receiver.Url = new Uri($"{address}/hook");
        return receiver;
    }

    /// <summary>The first request that matches, once it arrived (null after <paramref name="timeout"/>).</summary>
    public async Task<ReceivedWebhook?> WaitForAsync(Func<ReceivedWebhook, bool> match, TimeSpan timeout)
    {
        using var deadline = new CancellationTokenSource(timeout);
        while (!deadline.IsCancellationRequested)
        {
            if (Received.FirstOrDefault(match) is { } found)
            {
                return found;
            }

            await Task.Delay(50, CancellationToken.None);
        }

        return Received.FirstOrDefault(match);
    }

    /// <summary>Waits until <paramref name="count"/> requests with this id arrived (or <paramref name="timeout"/>).</summary>
    public async Task<List<ReceivedWebhook>> WaitForAsync(Guid messageId, int count, TimeSpan timeout)
    {
        var id = messageId.ToString();
        using var deadline = new CancellationTokenSource(timeout);
        while (Received.Count(r => r.Id == id) < count && !deadline.IsCancellationRequested)
        {
            await Task.Delay(50, CancellationToken.None);
        }

        return [.. Received.Where(r => r.Id == id)];
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
