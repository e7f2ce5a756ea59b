namespace CQCTP.Messaging.Benchmark;

internal sealed class StageFigures
{
    public double RelayP50 { get; init; }
    public double RelayP99 { get; init; }
    public double ConsumeP50 { get; init; }
    public double ConsumeP99 { get; init; }
}
