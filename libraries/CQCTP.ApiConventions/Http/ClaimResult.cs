namespace CQCTP.ApiConventions.Http;

public sealed record ClaimResult(ClaimOutcome Outcome, StoredResponse? Response);
