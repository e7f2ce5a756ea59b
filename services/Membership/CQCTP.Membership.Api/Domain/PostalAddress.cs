namespace CQCTP.Membership.Api.Domain;

/// <summary>An organization's street address; private unless the organization chose to publish it.</summary>
public sealed record PostalAddress(string Street, string City, string PostalCode, string? RegionCode);
