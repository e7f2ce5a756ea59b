namespace CQCTP.ServiceDefaults;

public static class PlatformEnvironments
{
    /// <summary>The integration tests' environment: like Development (dev clients and fixtures), without demo data.</summary>
    public const string Testing = "Testing";
}
