namespace CQCTP.Membership.Api.Domain;

/// <summary>The strand of human trafficking a service addresses (a service addresses one or both).</summary>
public enum ServiceFocus
{
    SexualExploitation,
    ForcedLabour,
}
