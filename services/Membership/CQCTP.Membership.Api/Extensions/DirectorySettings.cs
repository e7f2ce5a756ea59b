namespace CQCTP.Membership.Api.Extensions;

/// <summary><c>Membership:Directory</c>: how long an answer of the public service directory is reused.</summary>
public sealed class DirectorySettings
{
    public const string Section = "Membership:Directory";

    /// <summary>
    /// Seconds an anonymous answer is served again from this instance's memory, and that shared caches may keep it
    /// (<c>Cache-Control: public, max-age</c>); 0 turns both off. A change shows after at most twice this.
    /// </summary>
    public int CacheSeconds { get; set; } = 10;
}
