using CQCTP.Primitives;

namespace CQCTP.Membership.Api.Domain;

public sealed record AssemblyDetails(
    AssemblyKind Kind,
    BilingualText Title,
    DateTimeOffset StartsAt,
    string? Location,
    BilingualText? Convocation,
    int QuorumPercent);
