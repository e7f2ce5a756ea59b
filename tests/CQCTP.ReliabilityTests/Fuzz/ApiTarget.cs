namespace CQCTP.ReliabilityTests.Fuzz;

/// <summary>The operation a case is aimed at (method and documented path template).</summary>
public sealed record ApiTarget(string Service, string Method, string Path)
{
    public override string ToString() => $"{Method} {Path}";
}
