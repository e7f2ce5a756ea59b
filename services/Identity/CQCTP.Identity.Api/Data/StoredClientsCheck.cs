using CQCTP.Identity.Api.Endpoints;
using Microsoft.EntityFrameworkCore;

namespace CQCTP.Identity.Api.Data;

/// <summary>
/// At start-up, warns about every stored client that breaks <see cref="ClientRules"/>: a row written before a rule
/// existed, or by hand. Such a client already gets no token (<see cref="ClientCredentialsValidator"/>); the warning
/// tells operators which rows to correct before its owner calls.
/// </summary>
public sealed class StoredClientsCheck(IServiceScopeFactory scopes, ILogger<StoredClientsCheck> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        foreach (var (clientId, faults) in await FindFaultyAsync(cancellationToken))
        {
            logger.LogWarning("Client {ClientId} breaks the registration rules and gets no token until corrected: {Faults}",
                clientId, string.Join("; ", faults));
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Each faulty client's id and the rules it breaks. The table holds a few hundred rows at most.</summary>
    public async Task<IReadOnlyList<(string ClientId, IReadOnlyList<string> Faults)>> FindFaultyAsync(
        CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IdentityDbContext>();
        var clients = await db.Clients.AsNoTracking().OrderBy(c => c.ClientId).ToListAsync(cancellationToken);
        return [.. clients.Select(c => (c.ClientId, ClientRules.FaultsOf(c))).Where(c => c.Item2.Count > 0)];
    }
}
