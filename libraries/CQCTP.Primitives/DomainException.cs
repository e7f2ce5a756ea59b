namespace CQCTP.Primitives;

/// <summary>
/// A domain class refusing an operation: a stable <see cref="Code"/> that clients branch on, and a message in French
/// and English that people read. The API's exception handler answers it as 409 or 422 ProblemDetails, so domain code
/// never needs to know about HTTP.
/// </summary>
public sealed class DomainException : Exception
{
    public DomainException(DomainRuleKind kind, string code, Localized message)
        : base($"{code}: {message?.En}")
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(code);
        ArgumentNullException.ThrowIfNull(message);
        Kind = kind;
        Code = code;
        LocalizedMessage = message;
    }

    public DomainRuleKind Kind { get; }

    /// <summary>Stable, kebab-case: <c>illegal-transition</c>, <c>dates-out-of-order</c>…</summary>
    public string Code { get; }

    public Localized LocalizedMessage { get; }

    /// <summary>An operation the current state does not allow (409).</summary>
    public static DomainException Conflict(string code, Localized message) => new(DomainRuleKind.StateConflict, code, message);

    /// <summary>A business rule the request breaks (422).</summary>
    public static DomainException Rule(string code, Localized message) => new(DomainRuleKind.RuleBroken, code, message);
}
