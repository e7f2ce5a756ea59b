namespace CQCTP.Identity.Api.Domain;

/// <summary>What a client is for; it bounds the scopes the client may hold.</summary>
public enum ClientKind
{
    /// <summary>The staff back office's server: every scope but the portal's.</summary>
    Staff,

    /// <summary>A member organization's portal: its own organization only.</summary>
    Portal,

    /// <summary>A partner integrator: read scopes without personal fields.</summary>
    Integrator,
}
