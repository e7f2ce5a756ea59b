namespace CQCTP.ReliabilityTests.Fuzz;

public sealed class FuzzReport
{
    public SortedDictionary<string, int> CasesPerOperation { get; } = new(StringComparer.Ordinal);

    public List<string> Violations { get; } = [];

    public int Cases => CasesPerOperation.Values.Sum();
}
