namespace CQCTP.ReliabilityTests.Attacks;

/// <summary>
/// What every response must carry, and must not: no banners, nosniff, and <c>Cache-Control: no-store</c> on
/// authenticated answers (OWASP API8; security.md).
/// </summary>
public static class HeaderCheck
{
    private static readonly string[] Banners = ["Server", "X-Powered-By", "X-AspNet-Version", "X-AspNetMvc-Version"];

    public static IEnumerable<string> Violations(HttpResponseMessage response, bool authenticated)
    {
        foreach (var banner in Banners.Where(response.Headers.Contains))
        {
            yield return $"{banner} header present";
        }

        if (!response.Headers.TryGetValues("X-Content-Type-Options", out var sniff) || !sniff.Contains("nosniff"))
        {
            yield return "no X-Content-Type-Options: nosniff";
        }

        if (authenticated && response.Headers.CacheControl?.NoStore != true)
        {
            yield return "authenticated response without Cache-Control: no-store";
        }
    }
}
