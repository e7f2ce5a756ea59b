namespace CQCTP.Membership.Api.Domain;

/// <summary>The annual general assembly (AGA / AGM), or a special one (assemblée extraordinaire).</summary>
public enum AssemblyKind
{
    Annual,
    Special,
}
