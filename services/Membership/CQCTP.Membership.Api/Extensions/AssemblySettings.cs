namespace CQCTP.Membership.Api.Extensions;

/// <summary><c>Membership:Assemblies</c>: the coalition's by-laws as settings.</summary>
public sealed class AssemblySettings
{
    public const string Section = "Membership:Assemblies";

    /// <summary>Share of the voting organizations that must be represented when an assembly does not say otherwise.</summary>
    public int DefaultQuorumPercent { get; set; } = 50;
}
