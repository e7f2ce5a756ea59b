namespace CQCTP.ApiConventions.Http;

public enum ClaimOutcome
{
    /// <summary>The caller owns the key now and must complete or release it.</summary>
    Claimed,

    /// <summary>A completed response exists for this key.</summary>
    Replay,

    /// <summary>Another request with this key has not finished.</summary>
    InProgress,
}
