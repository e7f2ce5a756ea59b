namespace CQCTP.Membership.Api.Endpoints;

/// <summary>A published street address (never a withheld one).</summary>
public sealed record DirectoryAddress(string Street, string City, string PostalCode);
