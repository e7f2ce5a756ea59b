namespace CQCTP.Membership.Api.Domain;

/// <summary>The strands of human trafficking an organization works on.</summary>
public enum FocusArea
{
    SexualExploitation,
    ForcedLabour,
}
