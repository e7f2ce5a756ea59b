using CQCTP.Messaging.Jobs;
using CQCTP.Messaging.Outbox;
using CQCTP.ServiceDefaults;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace CQCTP.Messaging;

public static class MessagingExtensions
{
    /// <summary>
    /// The service's messaging: an outbox in <typeparamref name="TContext"/> published by a relay, inbox consumers,
    /// scheduled jobs, and a MassTransit bus registered only as <see cref="IPlatformBus"/>. Call after the DbContext
    /// is registered (AddPlatformService), so migrations run before the relay and the consumers start.
    /// </summary>
    public static IHostApplicationBuilder AddPlatformMessaging<TContext>(this IHostApplicationBuilder builder,
        string service, string databaseResource, Action<MessagingBuilder<TContext>>? configure = null)
        where TContext : DbContext
    {
        ArgumentNullException.ThrowIfNull(builder);
        var declared = builder.Configuration.GetSection(EventSubscriptions.ServiceSection).GetChildren()
            .SelectMany(consumer => consumer.GetChildren().Select(e => (Consumer: consumer.Key, Exchange: e.Value ?? "")))
            .ToHashSet();
        var messaging = new MessagingBuilder<TContext>(service, builder.Services, declared);
        configure?.Invoke(messaging);

        var database = builder.Configuration.GetConnectionString(databaseResource)
            ?? throw new InvalidOperationException($"Connection string '{databaseResource}' is missing.");
        var broker = builder.Configuration.GetConnectionString(ResourceNames.Messaging)
            ?? throw new InvalidOperationException($"Connection string '{ResourceNames.Messaging}' is missing.");
        var services = builder.Services;

        services.AddOptions<MessagingOptions>().Bind(builder.Configuration.GetSection(MessagingOptions.Section));
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(MessagingDataSource.Create(database));
        services.AddScoped<IOutbox, EfOutbox<TContext>>();

        services.AddOptions<MassTransitHostOptions>().Configure(options =>
        {
            // The relay starts after the bus; a bus that cannot reach the broker fails the start instead of hanging.
            options.WaitUntilStarted = true;
            options.StartTimeout = TimeSpan.FromSeconds(60);
            options.StopTimeout = TimeSpan.FromSeconds(15);
        });
        services.AddMassTransit<IPlatformBus>(bus =>
        {
            foreach (var consumer in messaging.Consumers)
            {
                bus.AddConsumer(consumer.ConsumerType);
            }

            // The bus down is the broker down: Degraded, since the outbox keeps what is published meanwhile.
            bus.ConfigureHealthCheckOptions(health =>
            {
                health.Name = "bus";
                health.MinimalFailureStatus = Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus.Degraded;
            });
            bus.UsingRabbitMq((context, cfg) =>
            {
                var uri = new Uri(broker);
                cfg.Host(uri, host =>
                {
                    host.UseCredentialsOf(uri);
                    host.PublisherConfirmation = true;
                });
                // MassTransit's own temporary endpoint is named after the machine and process; under the service's
                // prefix instead, its broker user's permissions (configure on {service}-*) cover it.
                cfg.OverrideDefaultBusEndpointQueueName($"{service}-bus-{NewId.NextGuid():N}");

                var options = context.GetRequiredService<Microsoft.Extensions.Options.IOptions<MessagingOptions>>().Value;
                foreach (var consumer in messaging.Consumers)
                {
                    cfg.ReceiveEndpoint(consumer.Subscription.Queue, endpoint =>
                    {
                        endpoint.PrefetchCount = Math.Max(16, options.ConcurrentMessageLimit * 2);
                        endpoint.ConcurrentMessageLimit = options.ConcurrentMessageLimit;
                        // No delayed-exchange plugin on our broker: immediate retries, then MassTransit moves the
                        // message to <queue>_error. Nothing is acknowledged and dropped.
                        endpoint.UseMessageRetry(retry => retry.Intervals(100, 500, 1_000, 2_000, 5_000));
                        endpoint.ConfigureConsumer(context, consumer.ConsumerType);
                    });
                }
            });
        });

        // Multi-bus still registers scoped IPublishEndpoint / ISendEndpointProvider (bound to this bus) for
        // convenience: with them, any handler could publish around the outbox. Nothing of ours resolves them.
        services.RemoveAll<IPublishEndpoint>();
        services.RemoveAll<ISendEndpointProvider>();
        services.RemoveAll<IBus>();
        services.RemoveAll<IBusControl>();

        services.AddHostedService<OutboxRelay>();
        services.AddSingleton<ScheduledJobRunner>();
        services.AddSingleton<IScheduledJobRunner>(sp => sp.GetRequiredService<ScheduledJobRunner>());
        services.AddHostedService(sp => sp.GetRequiredService<ScheduledJobRunner>());
        return builder;
    }
}
