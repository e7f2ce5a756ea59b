namespace CQCTP.Membership.Api.Domain;

/// <summary>Whether a consent record grants or withdraws; the latest record of a purpose is its current state.</summary>
public enum ConsentAction
{
    Given,
    Withdrawn,
}
