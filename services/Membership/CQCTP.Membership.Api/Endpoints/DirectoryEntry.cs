using CQCTP.Membership.Api.Domain;
using CQCTP.Primitives;

namespace CQCTP.Membership.Api.Endpoints;

/// <summary>One public service of an active member, as the anonymous directory shows it.</summary>
public sealed record DirectoryEntry(
    Guid ServiceId,
    BilingualText Name,
    ServiceCategoryResponse Category,
    BilingualText? Eligibility,
    IReadOnlyList<string> RegionCodes,
    IReadOnlyList<string> Languages,
    IReadOnlyList<ServiceFocus> Focus,
    DirectoryOrganization Organization);
