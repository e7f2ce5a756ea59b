using CQCTP.Messaging.Inbox;
using CQCTP.Messaging.Jobs;
using CQCTP.Messaging.Topology;
using CQCTP.ServiceDefaults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CQCTP.Messaging;

/// <summary>Declares a service's consumers and jobs.</summary>
public sealed class MessagingBuilder<TContext> where TContext : DbContext
{
    private readonly List<ConsumerRegistration> consumers = [];

    private readonly IReadOnlySet<(string Consumer, string Exchange)> declared;

    internal MessagingBuilder(string service, IServiceCollection services,
        IReadOnlySet<(string Consumer, string Exchange)> declared)
    {
        Service = service;
        Services = services;
        this.declared = declared;
    }

    public string Service { get; }
    public IServiceCollection Services { get; }
    internal IReadOnlyList<ConsumerRegistration> Consumers => consumers;

    /// <summary>
    /// Consumes <typeparamref name="TMessage"/> through the inbox, on the queue <c>{service}-{consumer}</c>. The
    /// AppHost must declare it on this service's line (<c>.WithSubscription&lt;TMessage&gt;("consumer")</c>), so the
    /// topology step creates the queue before anything is published: an undeclared consumer is refused at start-up.
    /// </summary>
    public MessagingBuilder<TContext> Consume<TMessage, THandler>(string consumer)
        where TMessage : class
        where THandler : class, IEventConsumer<TMessage>
    {
        var subscription = new EventSubscription(Service, consumer, typeof(TMessage));
        if (!declared.Contains((consumer, subscription.Exchange)))
        {
            throw new InvalidOperationException(
                $"{Service} consumes {typeof(TMessage).Name} as '{consumer}', but its configuration does not declare it " +
                $"({EventSubscriptions.ServiceSection}:{consumer}). Declare it on the service's line in the AppHost " +
                $"with .WithSubscription<{typeof(TMessage).Name}>(\"{consumer}\"), so the topology step creates the " +
                "queue before anything is published.");
        }

        return Consume<TMessage, THandler>(subscription);
    }

    /// <summary>For a subscription outside the AppHost's declarations (tests, benchmarks): its queue is bound when the bus starts.</summary>
    public MessagingBuilder<TContext> Consume<TMessage, THandler>(EventSubscription subscription)
        where TMessage : class
        where THandler : class, IEventConsumer<TMessage>
    {
        ArgumentNullException.ThrowIfNull(subscription);
        Services.AddScoped<THandler>();
        Services.AddSingleton(new InboxConsumerName<THandler>(subscription.Queue));
        Services.AddSingleton<InboxBatcher<TContext, TMessage, THandler>>();
        consumers.Add(new ConsumerRegistration(subscription, typeof(InboxConsumer<TContext, TMessage, THandler>)));
        return this;
    }

    /// <summary>A scheduled job, resolved in its own scope for each run.</summary>
    public MessagingBuilder<TContext> AddJob<TJob>() where TJob : class, IScheduledJob
    {
        Services.AddScoped<IScheduledJob, TJob>();
        return this;
    }

    internal sealed record ConsumerRegistration(EventSubscription Subscription, Type ConsumerType);
}
