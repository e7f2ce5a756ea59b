using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace CQCTP.AppHost.LocalInfra;

public static class LocalRabbitMQExtensions
{
    /// <summary>
    /// RabbitMQ as a local Erlang node, on loopback only, with a generated development password and its own node name,
    /// database and cookie under the data root. <c>LocalInfra:EpmdPort</c> gives it a private epmd (tests). AMQP on
    /// <c>LocalInfra:AmqpPort</c> (5672) and the management plugin on <c>LocalInfra:ManagementPort</c> (15672), its URL
    /// on the dashboard; <c>0</c> for free ports.
    /// </summary>
    public static IResourceBuilder<LocalRabbitMQResource> AddLocalRabbitMQ(this IDistributedApplicationBuilder builder,
        string name)
    {
        Prerequisites.Require(Prerequisites.RabbitMQServer, "rabbitmq-server");
        var options = LocalInfraOptions.From(builder);
        var baseDirectory = Path.Combine(options.DataRoot, name);
        var broker = new LocalRabbitMQResource(name, Prerequisites.RabbitMQServer, builder.AppHostDirectory,
            options.GeneratedSecret(name));
        // A stable node name per data root keeps the broker's queues across restarts; distinct roots never collide.
        var nodeName = $"{name}-{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(options.DataRoot)))[..10]}@localhost";
        var configFile = Path.Combine(baseDirectory, "rabbitmq.conf");

        var healthCheck = $"{name}_check";
        builder.Services.AddReadinessCheck(healthCheck, async ct =>
        {
            try
            {
                var factory = new ConnectionFactory { Uri = new Uri((await broker.ConnectionStringExpression.GetValueAsync(ct))!) };
                await using var connection = await factory.CreateConnectionAsync(ct);
                return HealthCheckResult.Healthy();
            }
            catch (Exception ex) when (ex is BrokerUnreachableException or OperationInterruptedException or IOException)
            {
                return HealthCheckResult.Unhealthy(ex.Message);
            }
        });

        var resource = builder.AddResource(broker)
            // Not proxied: every publish, confirm and delivery would otherwise cross DCP's TCP proxy. A stable port
            // by default, since integrators are told where the broker is.
            .WithEndpoint(name: "tcp", scheme: "tcp", port: options.AmqpPort, env: "RABBITMQ_NODE_PORT", isProxied: false)
            // Erlang distribution (rabbitmqctl); the default NODE_PORT + 20000 overflows for high ports.
            .WithEndpoint(name: "dist", scheme: "tcp", env: "RABBITMQ_DIST_PORT", isProxied: false)
            .WithEndpoint(name: LocalRabbitMQResource.ManagementEndpointName, scheme: "http", port: options.ManagementPort,
                isProxied: false)
            .WithUrlForEndpoint(LocalRabbitMQResource.ManagementEndpointName,
                url => url.DisplayText = "Gestion / Management (RabbitMQ)")
            .WithEnvironment("RABBITMQ_NODENAME", nodeName)
            .WithEnvironment("RABBITMQ_NODE_IP_ADDRESS", "127.0.0.1")
            .WithEnvironment("RABBITMQ_CONFIG_FILE", configFile)
            .WithEnvironment("RABBITMQ_MNESIA_BASE", Path.Combine(baseDirectory, "mnesia"))
            .WithEnvironment("RABBITMQ_LOG_BASE", Path.Combine(baseDirectory, "log"))
            .WithEnvironment("RABBITMQ_LOGS", "-")
            .WithEnvironment("RABBITMQ_ENABLED_PLUGINS_FILE", Path.Combine(baseDirectory, "enabled_plugins"))
            .WithEnvironment("HOME", baseDirectory)
            .WithEnvironment("ERL_EPMD_ADDRESS", "127.0.0.1")
            .WithEnvironment(context =>
            {
                // Schedulers that find no work sleep instead of spinning (RabbitMQ's advice for shared hosts): their
                // busy wait otherwise takes CPU from the services and PostgreSQL on the same machine. The management
                // listener's port is only known once the orchestrator has chosen it, hence an Erlang argument here
                // rather than a line of rabbitmq.conf.
                var management = broker.ManagementEndpoint.Property(EndpointProperty.TargetPort);
                context.EnvironmentVariables["RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS"] = ReferenceExpression.Create(
                    $"-kernel inet_dist_use_interface {{127,0,0,1}} +sbwt none +sbwtdcpu none +sbwtdio none -rabbitmq_management tcp_config [{{ip,\"127.0.0.1\"}},{{port,{management}}}]");
            })
            .WithHealthCheck(healthCheck)
            .OnBeforeResourceStarted(async (r, _, ct) =>
            {
                Directory.CreateDirectory(baseDirectory);
                // default_user only applies when the node's database is created, i.e. on the first start.
                await File.WriteAllTextAsync(configFile, $"""
                    default_user = {LocalRabbitMQResource.UserName}
                    default_pass = {r.Password}
                    loopback_users = none
                    """, ct);
                // Every start, so a data folder made before a plugin was required gets it as well.
                var pluginsFile = Path.Combine(baseDirectory, "enabled_plugins");
                var current = File.Exists(pluginsFile) ? await File.ReadAllTextAsync(pluginsFile, ct) : null;
                await File.WriteAllTextAsync(pluginsFile, EnabledPlugins.Merge(current, EnabledPlugins.Required), ct);
            });

        resource.WithRequeueFailedMessages(nodeName, baseDirectory, options.EpmdPort);
        if (options.EpmdPort is { } epmdPort)
        {
            resource.WithEnvironment("ERL_EPMD_PORT", epmdPort.ToString(System.Globalization.CultureInfo.InvariantCulture))
                .OnResourceStopped(async (_, _, ct) => await StopEpmdAsync(epmdPort, ct));
        }

        return resource;
    }

    /// <summary>epmd is a daemon that outlives the node: a private one is stopped with its broker.</summary>
    internal static async Task StopEpmdAsync(int port, CancellationToken ct)
    {
        if (Prerequisites.FindOnPath("epmd") is not { } epmd)
        {
            return;
        }

        try
        {
            await ProcessRunner.RunAsync(epmd, ["-port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "-kill"], ct);
        }
        catch (InvalidOperationException)
        {
            // Already gone: nothing to stop.
        }
    }
}
