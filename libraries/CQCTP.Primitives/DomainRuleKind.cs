namespace CQCTP.Primitives;

/// <summary>What kind of "no" a domain rule says; the API maps it to a status code.</summary>
public enum DomainRuleKind
{
    /// <summary>The entity's current state does not allow the operation (an illegal transition): 409.</summary>
    StateConflict,

    /// <summary>A well-formed request breaks a business rule (dates out of order…): 422.</summary>
    RuleBroken,
}
