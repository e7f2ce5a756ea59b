using System.Net;
using CQCTP.ServiceDefaults;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.ServiceDiscovery;

namespace CQCTP.Gateway;

/// <summary>
/// One service behind the gateway, as its own readiness says: the gateway is only ready when what it routes to is.
/// Its liveness (<c>/alive</c>) stays about the gateway process, so an outage behind it never gets it restarted.
/// Asked once with a plain client, no retry (the shared clients retry): a slow answer is the answer.
/// </summary>
internal sealed class UpstreamHealthCheck(ServiceEndpointResolver resolver, string service) : IHealthCheck
{
    private static readonly HttpClient Client = new(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(1) });

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var endpoints = await resolver.GetEndpointsAsync($"http://{service}-api", cancellationToken);
            var address = endpoints.Endpoints.Select(e => Address(e.EndPoint)).OfType<Uri>().FirstOrDefault();
            if (address is null)
            {
                return new HealthCheckResult(context.Registration.FailureStatus, "no address");
            }

            using var response = await Client.GetAsync(new Uri(address, "/health"), cancellationToken);
            var status = HealthReportWriter.ReadStatus(await response.Content.ReadAsStringAsync(cancellationToken));
            return response.IsSuccessStatusCode && status is HealthStatus.Healthy or HealthStatus.Degraded
                ? new HealthCheckResult(status.Value)
                : new HealthCheckResult(context.Registration.FailureStatus);
        }
        // An upstream that is down or still starting is an expected state, not a fault of the gateway: a short reason
        // rather than the exception, whose stack trace the health check service would log at every probe.
        catch (HttpRequestException ex)
        {
            return new HealthCheckResult(context.Registration.FailureStatus, $"no answer ({ex.HttpRequestError})");
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new HealthCheckResult(context.Registration.FailureStatus, "timed out");
        }
    }

    private static Uri? Address(EndPoint endPoint) => endPoint switch
    {
        DnsEndPoint dns => new Uri($"http://{dns.Host}:{dns.Port}"),
        IPEndPoint ip => new Uri($"http://{ip}"),
        _ => Uri.TryCreate(endPoint.ToString(), UriKind.Absolute, out var uri) ? uri : null,
    };
}
