using CQCTP.Identity.Api.Data;
using CQCTP.Identity.Api.Domain;
using CQCTP.Integrations.Events;
using CQCTP.Messaging.Broker;
using CQCTP.ServiceDefaults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CQCTP.Identity.Api.Broker;

/// <summary>
/// Keeps each integrator client's broker user in step with the client (docs/adr/0005): user <c>{client id}</c>
/// with its newest live secret's RabbitMQ hash as password, allowed its own <c>integrator.{client id}.*</c> queues
/// and reading the public event exchanges and the replay stream. A revoked client (or one without a live secret) has
/// no user, and its open connections are closed. Only users tagged <see cref="BrokerUsers.IntegratorTag"/> are ever
/// changed or deleted, so a client id equal to another user's name cannot take that user over.
/// </summary>
public sealed class IntegratorBrokerAccounts(IOptions<BrokerProvisioningOptions> options, TimeProvider clock,
    ILogger<IntegratorBrokerAccounts> logger) : IDisposable
{
    private readonly Lazy<BrokerManagementClient?> management = new(() => options.Value.Management is { } url
        ? BrokerManagementClient.Create(url, options.Value.User, options.Value.Password)
        : null);

    private static readonly string[] PublicExchanges =
        [.. IntegrationEvents.Public.Select(EventSubscriptions.ExchangeName)];

    public bool Enabled => options.Value.Management is not null;

    /// <summary>What an integrator's broker user may do: the same for every one, under its own name.</summary>
    public static BrokerPermissions PermissionsOf(string clientId) =>
        BrokerPermissions.ForIntegrator(clientId, PublicExchanges, IntegrationEvents.ReplayStream);

    /// <summary>
    /// Brings one client's broker user in step, right after a change to the client. A broker that cannot be reached
    /// is logged, not thrown: the client's change is committed, and the next reconcile applies it.
    /// </summary>
    public async Task ApplyAsync(Client client, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        if (management.Value is not { } broker || client.Kind != ClientKind.Integrator)
        {
            return;
        }

        try
        {
            await ApplyAsync(broker, client.ClientId, client.BrokerPasswordHashAt(clock.GetUtcNow()), cancellationToken);
        }
        catch (HttpRequestException ex)
        {
            logger.LogWarning(ex, "The broker user of integrator {ClientId} could not be updated; the next reconcile retries",
                client.ClientId);
        }
    }

    /// <summary>
    /// Every integrator's broker user against the clients: heals a lost update, a broker data folder made anew, a
    /// secret whose rotation grace ended, a user deleted by hand.
    /// </summary>
    public async Task ReconcileAsync(IdentityDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (management.Value is not { } broker)
        {
            return;
        }

        var now = clock.GetUtcNow();
        var clients = await db.Clients.AsNoTracking().Include(c => c.Secrets)
            .Where(c => c.Kind == ClientKind.Integrator).ToListAsync(cancellationToken);
        var desired = clients.ToDictionary(c => c.ClientId, c => c.BrokerPasswordHashAt(now), StringComparer.Ordinal);
        var existing = await broker.ListUsersAsync(cancellationToken);
        foreach (var stale in existing.Where(u => u.Tags.Contains(BrokerUsers.IntegratorTag) && desired.GetValueOrDefault(u.Name) is null))
        {
            await RemoveAsync(broker, stale.Name, cancellationToken);
        }

        foreach (var (clientId, hash) in desired.Where(d => d.Value is not null))
        {
            await ApplyAsync(broker, clientId, hash, cancellationToken);
        }
    }

    public void Dispose()
    {
        if (management.IsValueCreated)
        {
            management.Value?.Dispose();
        }
    }

    private async Task ApplyAsync(BrokerManagementClient broker, string clientId, string? passwordHash,
        CancellationToken cancellationToken)
    {
        var user = await broker.GetUserAsync(clientId, cancellationToken);
        if (user is not null && !user.Tags.Contains(BrokerUsers.IntegratorTag))
        {
            logger.LogWarning("Broker user {User} exists and is not an integrator's: integrator {ClientId} gets no broker access",
                clientId, clientId);
            return;
        }

        if (passwordHash is null)
        {
            await RemoveAsync(broker, clientId, cancellationToken);
            return;
        }

        await broker.PutUserWithHashAsync(clientId, passwordHash, BrokerUsers.IntegratorTag, cancellationToken);
        await broker.PutPermissionsAsync(clientId, PermissionsOf(clientId), cancellationToken);
    }

    // Deleting the user refuses new connections only: open ones are closed as well, so revocation takes effect now.
    private async Task RemoveAsync(BrokerManagementClient broker, string clientId, CancellationToken cancellationToken)
    {
        await broker.DeleteUserAsync(clientId, cancellationToken);
        await broker.CloseConnectionsAsync(clientId, "Client revoked / client révoqué", cancellationToken);
        logger.LogInformation("Broker user of integrator {ClientId} removed and its connections closed", clientId);
    }
}
