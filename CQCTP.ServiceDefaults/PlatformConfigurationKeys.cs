namespace CQCTP.ServiceDefaults;

/// <summary>The configuration keys the AppHost sets on the services, named once for both sides.</summary>
public static class PlatformConfigurationKeys
{
    /// <summary>The public gateway URL: the issuer every access token names and every validator expects.</summary>
    public const string AuthIssuer = "Auth:Issuer";

    /// <summary>The identity service's internal address, where the signing keys are fetched.</summary>
    public const string AuthAuthority = "Auth:Authority";

    /// <summary>
    /// The broker's management HTTP API, where the topology step creates the services' users and sets the replay
    /// stream's retention policy.
    /// </summary>
    public const string TopologyManagement = "Topology:Management";

    /// <summary>As an environment variable name (<c>Auth__Issuer</c>).</summary>
    public static string AsEnvironmentVariable(string key) => key.Replace(":", "__", StringComparison.Ordinal);
}
