namespace CQCTP.ReliabilityTests.Attacks;

/// <summary>
/// What every response must carry, and must not: no banners, nosniff, and authenticated answers kept out of shared
/// caches: <c>no-store</c>, or <c>private, no-cache</c> where the platform keeps the ETag/304 path (security.md).
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

        var cache = response.Headers.CacheControl;
        if (authenticated && cache?.NoStore != true && !(cache?.Private == true && cache.NoCache))
        {
            yield return "authenticated response cacheable by shared caches (neither no-store nor private, no-cache)";
        }
    }
}
