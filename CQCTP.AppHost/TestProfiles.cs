namespace CQCTP.AppHost;

/// <summary>
/// Switches the test platform and benchmarks set on the AppHost (never needed to run the system): the benchmark
/// profile's rate limits, trace sampling, and a shorter outbox claim lease for the fault tests.
/// </summary>
internal static class TestProfiles
{
    /// <summary><c>RateLimits:Profile=Benchmark</c>: every gateway and token limit out of the way of a load.</summary>
    public const string RateLimitProfileKey = "RateLimits:Profile";

    public const string Benchmark = "Benchmark";

    /// <summary>
    /// <c>Telemetry:TraceSampleRatio</c> (0–1): traces kept per root, for every process (the gateway decides for the
    /// requests it forwards, a service for the requests it receives directly). Aspire sets <c>always_on</c> otherwise.
    /// </summary>
    public const string TraceSampleRatioKey = "Telemetry:TraceSampleRatio";

    /// <summary><c>Messaging:ClaimLease</c>, handed to every service's relay as is.</summary>
    public const string ClaimLeaseKey = "Messaging:ClaimLease";

    private const string Unlimited = "1000000";

    private static readonly string[] GatewayLimits = ["PerClient", "Anonymous", "AnonymousWrite", "Token", "Probe", "PerIp"];

    public static void Apply(IDistributedApplicationBuilder builder, IResourceBuilder<ProjectResource> gateway,
        IResourceBuilder<ProjectResource> identity, IEnumerable<IResourceBuilder<ProjectResource>> services)
    {
        if (string.Equals(builder.Configuration[RateLimitProfileKey], Benchmark, StringComparison.OrdinalIgnoreCase))
        {
            foreach (var limit in GatewayLimits)
            {
                gateway.WithEnvironment($"RateLimits__{limit}__PermitLimit", Unlimited);
            }

            identity.WithEnvironment("RateLimits__Token__PerClient__PermitLimit", Unlimited)
                .WithEnvironment("RateLimits__Token__PerIp__PermitLimit", Unlimited);
        }

        if (builder.Configuration[TraceSampleRatioKey] is { Length: > 0 } ratio)
        {
            foreach (var resource in services.Append(gateway))
            {
                // After Aspire's own OTEL_* variables, so these win.
                resource.WithEnvironment("OTEL_TRACES_SAMPLER", "parentbased_traceidratio")
                    .WithEnvironment("OTEL_TRACES_SAMPLER_ARG", ratio);
            }
        }

        if (builder.Configuration[ClaimLeaseKey] is { Length: > 0 } lease)
        {
            foreach (var service in services)
            {
                service.WithEnvironment("Messaging__ClaimLease", lease);
            }
        }
    }
}
