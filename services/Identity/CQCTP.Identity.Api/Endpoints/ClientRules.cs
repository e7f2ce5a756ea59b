using CQCTP.ApiConventions.Problems;
using CQCTP.ApiConventions.Validation;
using CQCTP.Identity.Api.Domain;
using CQCTP.Security;

namespace CQCTP.Identity.Api.Endpoints;

/// <summary>
/// What a client may hold: known scopes, each once, only those its kind allows, and an organization if and only if it
/// is a portal. Checked on registration, on every token request and at start-up, so a row written around the API (by
/// hand, or before a rule existed) gets no token either.
/// </summary>
public static class ClientRules
{
    /// <summary>Shape errors of a scope list, keyed <c>scopes[i]</c>: missing or blank, unknown, or repeated.</summary>
    public static Dictionary<string, FieldError[]> ScopeErrors(IReadOnlyList<string?> scopes)
    {
        var errors = new Dictionary<string, FieldError[]>(StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < scopes.Count; i++)
        {
            var scope = scopes[i];
            var code = string.IsNullOrWhiteSpace(scope) ? ValidationMessages.Required
                : !Scopes.All.Contains(scope) ? ValidationMessages.UnknownScope
                : !seen.Add(scope) ? ValidationMessages.Duplicate
                : null;
            if (code is not null)
            {
                errors[$"scopes[{i}]"] = [ValidationMessages.Error(code)];
            }
        }

        return errors;
    }

    /// <summary>The scopes a client of <paramref name="kind"/> may not hold, in the order given.</summary>
    public static IReadOnlyList<string> NotAllowed(ClientKind kind, IEnumerable<string> scopes)
    {
        var allowed = ClientScopes.AllowedFor(kind);
        return [.. scopes.Where(s => !allowed.Contains(s))];
    }

    public static bool OrganizationFits(ClientKind kind, Guid? organizationId) =>
        (kind == ClientKind.Portal) == organizationId.HasValue;

    /// <summary>Every rule a stored client breaks, in words for the logs; empty for a sound client.</summary>
    public static IReadOnlyList<string> FaultsOf(Client client)
    {
        var faults = ScopeErrors(client.Scopes).Select(e => $"{e.Key}: {e.Value[0].Code}").ToList();
        if (!Enum.IsDefined(client.Kind))
        {
            faults.Add($"kind: {client.Kind}");
        }

        // Unknown scopes are reported once, above, not again as not allowed.
        var refused = NotAllowed(client.Kind, client.Scopes.Where(s => Scopes.All.Contains(s)).Distinct());
        if (refused.Count > 0)
        {
            faults.Add($"scope-not-allowed: {string.Join(", ", refused)}");
        }

        if (!OrganizationFits(client.Kind, client.OrganizationId))
        {
            faults.Add("portal-organization");
        }

        return faults;
    }
}
