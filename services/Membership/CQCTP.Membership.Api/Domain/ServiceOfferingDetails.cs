using CQCTP.Primitives;

namespace CQCTP.Membership.Api.Domain;

public sealed record ServiceOfferingDetails(
    string CategoryCode,
    BilingualText Name,
    BilingualText? Eligibility,
    IReadOnlyList<string> RegionCodes,
    IReadOnlyList<string> Languages,
    IReadOnlyList<ServiceFocus> Focus,
    bool IsPublic);
