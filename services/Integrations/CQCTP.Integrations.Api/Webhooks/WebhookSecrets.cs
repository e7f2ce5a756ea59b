using System.Security.Cryptography;

namespace CQCTP.Integrations.Api.Webhooks;

/// <summary>Standard Webhooks signing secrets: <c>whsec_</c> and 32 random bytes in base64.</summary>
public static class WebhookSecrets
{
    public const string Prefix = "whsec_";

    public static string New() => Prefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
}
