namespace CQCTP.Membership.Api.Endpoints;

/// <summary>Which consents are in force now (the latest record of each purpose), and what the directory shows.</summary>
public sealed record DelegateConsentState(
    bool Newsletter,
    bool DirectoryListing,
    bool DirectoryShowsEmail,
    bool DirectoryShowsPhone);
