using System.Collections.Concurrent;
using System.Diagnostics;
using CQCTP.ApiConventions.Data;
using CQCTP.Messaging;
using CQCTP.Messaging.Jobs;
using CQCTP.Messaging.Outbox;
using CQCTP.Messaging.Topology;
using CQCTP.ServiceDefaults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CQCTP.Testing.Probe;

/// <summary>
/// A minimal service wired exactly like the real ones (CQCTP.Messaging on the platform's PostgreSQL and RabbitMQ),
/// with a database of its own: tests and benchmarks drive the outbox → broker → inbox path through it.
/// </summary>
public sealed class ProbeService : IAsyncDisposable
{
    public const string JobName = "probe-daily";

    /// <summary>Probes with this label make the consumer's handler throw, every time until <see cref="CurePoison"/>.</summary>
    public const string PoisonLabel = "poison";

    /// <summary>A probe with this label holds its handler while a test's <see cref="HoldConsumerAsync"/> says so.</summary>
    public const string HoldLabel = "hold";

    /// <summary>The probe consumer's queue; MassTransit moves its faulted messages to <c>{queue}_error</c>.</summary>
    public string Queue => $"{Name}-probes";

    private ProbeService(IHost host, string connectionString, string broker, string name)
    {
        Host = host;
        ConnectionString = connectionString;
        Broker = broker;
        Name = name;
    }

    public IHost Host { get; }
    public string ConnectionString { get; }
    public string Broker { get; }
    public string Name { get; }

    /// <summary>
    /// Handler calls, in order: probe id and <see cref="Stopwatch"/> timestamp. A call whose transaction rolled back (a
    /// batch that failed and ran again one by one) is listed too; committed effects are in the database.
    /// </summary>
    public ConcurrentQueue<(Guid ProbeId, long ConsumedTimestamp)> Consumed => Host.Services.GetRequiredService<ProbeLog>().Consumed;

    public static async Task<ProbeService> StartAsync(PlatformInstance platform, string name,
        Action<MessagingOptions>? configure = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(platform);
        var database = await platform.CreateDatabaseAsync(name, cancellationToken);
        var broker = await platform.BrokerConnectionStringAsync(cancellationToken);
        return await StartAsync(database, broker, name, configure, cancellationToken);
    }

    public static async Task<ProbeService> StartAsync(string database, string broker, string name,
        Action<MessagingOptions>? configure = null, CancellationToken cancellationToken = default)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            [$"ConnectionStrings:{name}"] = database,
            [$"ConnectionStrings:{ResourceNames.Messaging}"] = broker,
        });
        // Like Aspire's AddNpgsqlDbContext: pooled, retries on (the building block must work under an execution strategy).
        builder.Services.AddDbContextPool<ProbeDbContext>(o => o.UseNpgsql(PlatformConnectionStrings.ForService(database), npgsql => npgsql.EnableRetryOnFailure()));
        builder.Services.AddSingleton<ProbeLog>();
        builder.AddPlatformMessaging<ProbeDbContext>(name, name, m => m
            .Consume<ProbeHappened, ProbeConsumer>(new EventSubscription(name, "probes", typeof(ProbeHappened)))
            .AddJob<ProbeJob>());
        if (configure is not null)
        {
            builder.Services.Configure(configure);
        }

        var host = builder.Build();
        await using (var scope = host.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ProbeDbContext>();
            if (await db.Database.EnsureCreatedAsync(cancellationToken))
            {
                await db.Database.ExecuteSqlRawAsync(MessagingModel.CreateNotifyTriggerSql, cancellationToken);
            }
        }

        await host.StartAsync(cancellationToken);
        return new ProbeService(host, database, broker, name);
    }

    /// <summary>Another replica of this service: same database, same queue, its own relay, consumer and job runner.</summary>
    public Task<ProbeService> StartReplicaAsync(CancellationToken cancellationToken = default) =>
        StartAsync(ConnectionString, Broker, Name, cancellationToken: cancellationToken);

    /// <summary>Records a probe event in a transaction that commits (or, with <paramref name="rollBack"/>, does not).</summary>
    public async Task<Guid> ProduceAsync(string label, bool rollBack = false, CancellationToken cancellationToken = default)
    {
        var probeId = Guid.CreateVersion7();
        await ProduceManyAsync([probeId], label, rollBack, cancellationToken: cancellationToken);
        return probeId;
    }

    /// <summary>
    /// Several probes in one transaction (the benchmark's throughput run batches them). <c>committing</c> is called
    /// with a <see cref="Stopwatch"/> timestamp just before the commit is sent.
    /// </summary>
    public async Task ProduceManyAsync(IReadOnlyList<Guid> probeIds, string label, bool rollBack = false,
        Action<long>? committing = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(probeIds);
        await using var scope = Host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ProbeDbContext>();
        var outbox = scope.ServiceProvider.GetRequiredService<IOutbox>();
        var produced = Stopwatch.GetTimestamp();
        await db.Database.CreateExecutionStrategy().ExecuteAsync(async ct =>
        {
            await using var transaction = await db.Database.BeginWholeTransactionAsync(ct);
            foreach (var probeId in probeIds)
            {
                db.Notes.Add(new ProbeNote { Id = probeId, Label = label });
                outbox.Add(new ProbeHappened { ProbeId = probeId, Label = label, ProducedTimestamp = produced });
            }

            await db.SaveChangesAsync(ct);
            if (rollBack)
            {
                await transaction.RollbackAsync(ct);
                return;
            }

            committing?.Invoke(Stopwatch.GetTimestamp());
            await transaction.CommitAsync(ct);
        }, cancellationToken);
    }

    /// <summary>Records one given event with a correlation id (and the current trace) in a transaction that commits; returns its MessageId.</summary>
    public async Task<Guid> RecordAsync(ProbeHappened message, Guid? correlationId, CancellationToken cancellationToken = default)
    {
        await using var scope = Host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ProbeDbContext>();
        var messageId = scope.ServiceProvider.GetRequiredService<IOutbox>().Add(message, correlationId);
        await db.SaveChangesAsync(cancellationToken);
        return messageId;
    }

    /// <summary>From now on poison probes are handled: the fix an operator deploys before requeueing failed messages.</summary>
    public void CurePoison() => Host.Services.GetRequiredService<ProbeLog>().PoisonCured = true;

    public async Task<int> CountEffectsAsync(Guid probeId)
    {
        await using var scope = Host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ProbeDbContext>();
        return await db.Effects.CountAsync(e => e.ProbeId == probeId);
    }

    public async Task<int> CountEffectsAsync(string label)
    {
        await using var scope = Host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ProbeDbContext>();
        return await db.Effects.CountAsync(e => e.Label == label);
    }

    public async Task<T> QueryAsync<T>(Func<ProbeDbContext, Task<T>> query)
    {
        ArgumentNullException.ThrowIfNull(query);
        await using var scope = Host.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<ProbeDbContext>());
    }

    public Task<JobOutcome> RunJobAsync(DateTimeOffset scheduledFor) =>
        Host.Services.GetRequiredService<IScheduledJobRunner>().RunNowAsync(JobName, scheduledFor, CancellationToken.None);

    /// <summary>
    /// Starts a job run that stays inside the job (holding its lock) until <c>release</c> is called; returns once the
    /// job body is running.
    /// </summary>
    public async Task<(Task<JobOutcome> Run, Action Release)> StartHeldJobAsync(DateTimeOffset scheduledFor)
    {
        var log = Host.Services.GetRequiredService<ProbeLog>();
        var hold = new Hold();
        log.JobHold = hold;
        var run = RunJobAsync(scheduledFor);
        await Task.WhenAny(hold.Entered, run);
        return (run, Release);

        void Release()
        {
            log.JobHold = null;
            hold.Release();
        }
    }

    /// <summary>
    /// Holds the consumer inside a handler (a probe that waits for <c>release</c>), so deliveries that arrive meanwhile
    /// queue for the next inbox transaction; returns once the handler is waiting.
    /// </summary>
    public async Task<Action> HoldConsumerAsync()
    {
        var log = Host.Services.GetRequiredService<ProbeLog>();
        var hold = new Hold();
        log.ConsumerHold = hold;
        await ProduceAsync(HoldLabel);
        await hold.Entered.WaitAsync(TimeSpan.FromSeconds(60));
        return () =>
        {
            log.ConsumerHold = null;
            hold.Release();
        };
    }

    public async ValueTask DisposeAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await Host.StopAsync(timeout.Token);
        Host.Dispose();
    }
}
