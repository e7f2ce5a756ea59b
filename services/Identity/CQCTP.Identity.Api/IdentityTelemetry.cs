using System.Diagnostics.Metrics;

namespace CQCTP.Identity.Api;

/// <summary>The identity service's meter (exported by ServiceDefaults' "CQCTP.*").</summary>
public static class IdentityTelemetry
{
    public const string Name = "CQCTP.Identity";
    public const string SecretChecksInstrument = "cqctp.identity.secret_checks";

    public static readonly Meter Meter = new(Name);

    /// <summary>PBKDF2 runs: one per live secret of the client a token request names, and one when there is none.</summary>
    internal static readonly Counter<long> SecretChecks = Meter.CreateCounter<long>(SecretChecksInstrument, "{check}",
        "Client secrets checked against a PBKDF2 hash by the token endpoint");
}
