using MassTransit;

namespace CQCTP.Messaging;

/// <summary>
/// The only bus in a service. Registering MassTransit under this interface (multi-bus) keeps <see cref="IBus"/>,
/// <see cref="IPublishEndpoint"/> and <see cref="ISendEndpointProvider"/> out of the container, so nothing publishes
/// around the outbox. Only the outbox relay uses it; an architecture test forbids service types from depending on it.
/// </summary>
public interface IPlatformBus : IBus;
