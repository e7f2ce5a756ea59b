namespace CQCTP.Membership.Api.Data;

/// <summary>A row of <c>legal_name_collisions</c> (see <see cref="Sql.LegalNameSql"/>).</summary>
public sealed record LegalNameCollision(Guid OrganizationId, string LegalName, Guid KeptOrganizationId);
