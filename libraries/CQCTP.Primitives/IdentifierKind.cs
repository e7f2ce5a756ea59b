namespace CQCTP.Primitives;

/// <summary>The kinds of direct identifier of a person that free text must not carry.</summary>
public enum IdentifierKind
{
    Email,
    Phone,
    HealthInsuranceNumber,
    SocialInsuranceNumber,
}
