namespace CQCTP.Messaging.Jobs;

internal sealed record JobDefinition(string Name, string Schedule);
