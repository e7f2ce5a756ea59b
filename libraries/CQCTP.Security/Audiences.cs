namespace CQCTP.Security;

/// <summary>Token audiences: one per API, named like the API's Aspire resource.</summary>
public static class Audiences
{
    public static string Of(string service) => $"{service}-api";

    public static IReadOnlyList<string> All { get; } =
        [.. Scopes.All.Select(Scopes.AudienceOf).Distinct(StringComparer.Ordinal)];
}
