using CQCTP.Primitives;

namespace CQCTP.Membership.Api.Domain;

public sealed record PrivacyOfficerDetails(string Name, BilingualText Title, string Email, string? Phone);
