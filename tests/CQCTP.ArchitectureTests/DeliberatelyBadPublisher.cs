namespace CQCTP.ArchitectureTests;

/// <summary>What the rule exists to catch: it must fail on this type (see BusBypassTests).</summary>
internal sealed class DeliberatelyBadPublisher(MassTransit.IPublishEndpoint publish)
{
    public Task NotifyAsync() => publish.Publish(new { Text = "around the outbox" });
}
