using System.Net;
using System.Text;
using Microsoft.Extensions.Options;
using StandardWebhooks;

namespace CQCTP.Integrations.Api.Webhooks;

/// <summary>
/// POSTs an envelope to a receiver, signed per Standard Webhooks (<c>webhook-id</c> = the envelope's messageId, the
/// same on every retry; <c>webhook-timestamp</c>; <c>webhook-signature</c>), through the guarded client: no
/// redirects, a short timeout, and only the first bytes of the answer read.
/// </summary>
public sealed class WebhookSender : IDisposable
{
    private readonly IOptions<WebhookOptions> options;
    private readonly TimeProvider clock;
    private readonly HttpClient client;

    public WebhookSender(WebhookAddressGuard guard, IOptions<WebhookOptions> options, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(guard);
        ArgumentNullException.ThrowIfNull(options);
        this.options = options;
        this.clock = clock;
        // Not from IHttpClientFactory: the platform's defaults add retries (a receiver would get bursts of the same
        // attempt) and service discovery. No proxy, so the guarded connect is the real one.
        client = new HttpClient(new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            UseProxy = false,
            UseCookies = false,
            ConnectCallback = guard.ConnectAsync,
            ConnectTimeout = options.Value.Timeout,
            PooledConnectionLifetime = TimeSpan.FromMinutes(1),
            MaxResponseHeadersLength = 16,
        })
        {
            Timeout = Timeout.InfiniteTimeSpan,
        };
        client.DefaultRequestHeaders.UserAgent.ParseAdd("CQCTP-Webhooks/1.0");
    }

    public void Dispose() => client.Dispose();

    public async Task<AttemptOutcome> SendAsync(string url, string secret, Guid messageId, string payload,
        CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var id = messageId.ToString();
        var timestamp = clock.GetUtcNow();
        using var request = new HttpRequestMessage(HttpMethod.Post, url)
        {
            Content = new StringContent(payload, Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("webhook-id", id);
        request.Headers.Add("webhook-timestamp", timestamp.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture));
        request.Headers.Add("webhook-signature", new StandardWebhook(secret).Sign(id, timestamp, payload));

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(settings.Timeout);
        try
        {
            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            var status = (int)response.StatusCode;
            if (response.IsSuccessStatusCode)
            {
                return new(AttemptResult.Delivered, status, null);
            }

            var error = $"HTTP {status}: {await ReadCappedAsync(response, settings.MaxResponseBytes, timeout.Token)}";
            return response.StatusCode switch
            {
                HttpStatusCode.Gone => new(AttemptResult.Gone, status, error),
                HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests => new(AttemptResult.Retry, status, error),
                _ when status >= 500 => new(AttemptResult.Retry, status, error),
                // A redirect is not followed, and another 4xx will not heal by itself.
                _ => new(AttemptResult.Refused, status, error),
            };
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new(AttemptResult.Retry, null, $"timeout after {settings.Timeout.TotalSeconds:0.#} s");
        }
        catch (HttpRequestException ex) when (ex.InnerException is WebhookAddressRefusedException refused)
        {
            return new(AttemptResult.Retry, null, $"address-refused: {refused.Message}");
        }
        catch (HttpRequestException ex)
        {
            return new(AttemptResult.Retry, null, $"connection: {ex.Message}");
        }
    }

    private static async Task<string> ReadCappedAsync(HttpResponseMessage response, int cap, CancellationToken cancellationToken)
    {
        await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
        var buffer = new byte[cap];
        var read = 0;
        int n;
        while (read < cap && (n = await body.ReadAsync(buffer.AsMemory(read, cap - read), cancellationToken)) > 0)
        {
            read += n;
        }

        var text = Encoding.UTF8.GetString(buffer, 0, read);
        return text.Length > 200 ? text[..200] : text;
    }
}
