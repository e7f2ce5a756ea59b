using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using CQCTP.Primitives;
using Cronos;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace CQCTP.Messaging.Jobs;

/// <summary>
/// One loop for every job of the service, on cron schedules in America/Toronto. A run holds a PostgreSQL advisory
/// lock named after the job, so one replica runs a given job at a time; each run is logged, counted
/// (<c>cqctp.jobs.runs</c>, <c>cqctp.jobs.duration</c>) and recorded in <c>job_runs</c> (last run and outcome).
/// </summary>
internal sealed partial class ScheduledJobRunner(
    IServiceScopeFactory scopes,
    MessagingDataSource database,
    TimeProvider clock,
    ILogger<ScheduledJobRunner> logger) : BackgroundService, IScheduledJobRunner
{
    private IReadOnlyList<JobDefinition>? definitions;

    /// <summary>Names and schedules, read once from a scope (jobs are scoped: they use the service's DbContext).</summary>
    private IReadOnlyList<JobDefinition> Definitions
    {
        get
        {
            if (definitions is null)
            {
                using var scope = scopes.CreateScope();
                definitions = scope.ServiceProvider.GetServices<IScheduledJob>()
                    .Select(j => new JobDefinition(j.Name, j.Schedule)).ToList();
            }

            return definitions;
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var schedules = Definitions.ToDictionary(j => j.Name, j => CronExpression.Parse(j.Schedule));
        if (schedules.Count == 0)
        {
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            var now = clock.GetUtcNow();
            var (job, due) = schedules
                .Select(s => (s.Key, Due: s.Value.GetNextOccurrence(now, CoalitionTime.Zone)))
                .Where(s => s.Due is not null)
                .OrderBy(s => s.Due)
                .Select(s => (s.Key, s.Due!.Value))
                .FirstOrDefault();
            if (job is null)
            {
                return;
            }

            try
            {
                await Task.Delay(due - now, clock, stoppingToken);
                await RunNowAsync(job, due, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
        }
    }

    public async Task<JobOutcome> RunNowAsync(string job, DateTimeOffset scheduledFor, CancellationToken cancellationToken)
    {
        if (Definitions.All(j => j.Name != job))
        {
            throw new ArgumentException($"No scheduled job named '{job}'.", nameof(job));
        }

        await using var lockConnection = await database.DataSource.OpenConnectionAsync(cancellationToken);
        if (!await TryLockAsync(lockConnection, job, cancellationToken))
        {
            LogSkipped(logger, job);
            Record(job, JobOutcome.Skipped, 0);
            return JobOutcome.Skipped;
        }

        using var activity = MessagingTelemetry.ActivitySource.StartActivity($"job {job}");
        var started = clock.GetUtcNow();
        var timer = Stopwatch.StartNew();
        await RecordStartAsync(lockConnection, job, scheduledFor, started, cancellationToken);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var instance = scope.ServiceProvider.GetServices<IScheduledJob>().Single(j => j.Name == job);
            var localDate = CoalitionTime.Today(scheduledFor);
            await instance.RunAsync(new JobContext(job, scheduledFor, localDate), cancellationToken);
            await RecordEndAsync(lockConnection, job, JobOutcome.Succeeded, null, cancellationToken);
            LogSucceeded(logger, job, scheduledFor, timer.Elapsed.TotalMilliseconds);
            Record(job, JobOutcome.Succeeded, timer.Elapsed.TotalSeconds);
            return JobOutcome.Succeeded;
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            activity?.SetStatus(ActivityStatusCode.Error, ex.Message);
            LogFailed(logger, ex, job, scheduledFor);
            await RecordEndAsync(lockConnection, job, JobOutcome.Failed, ex.Message, CancellationToken.None);
            Record(job, JobOutcome.Failed, timer.Elapsed.TotalSeconds);
            return JobOutcome.Failed;
        }
        finally
        {
            await using var unlock = new NpgsqlCommand("SELECT pg_advisory_unlock($1)", lockConnection);
            unlock.Parameters.Add(new NpgsqlParameter<long> { TypedValue = LockKey(job) });
            await unlock.ExecuteScalarAsync(CancellationToken.None);
        }
    }

    /// <summary>A session-level lock on a key derived from the job name (stable across processes and versions).</summary>
    internal static long LockKey(string job) =>
        BitConverter.ToInt64(SHA256.HashData(Encoding.UTF8.GetBytes("cqctp-job:" + job)), 0);

    private static async Task<bool> TryLockAsync(NpgsqlConnection connection, string job, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("SELECT pg_try_advisory_lock($1)", connection);
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = LockKey(job) });
        return (bool)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    private static async Task RecordStartAsync(NpgsqlConnection connection, string job, DateTimeOffset scheduledFor,
        DateTimeOffset started, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("""
            INSERT INTO job_runs (job, last_scheduled_for, last_started_at, last_finished_at, last_outcome, last_error)
            VALUES ($1, $2, $3, NULL, 'running', NULL)
            ON CONFLICT (job) DO UPDATE SET last_scheduled_for = $2, last_started_at = $3, last_finished_at = NULL,
                last_outcome = 'running', last_error = NULL
            """, connection);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = job });
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = scheduledFor.ToUniversalTime() });
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = started.ToUniversalTime() });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task RecordEndAsync(NpgsqlConnection connection, string job, JobOutcome outcome, string? error,
        CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            "UPDATE job_runs SET last_finished_at = now(), last_outcome = $2, last_error = $3 WHERE job = $1", connection);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = job });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = outcome.ToString().ToLowerInvariant() });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)error?[..Math.Min(error.Length, 2000)] ?? DBNull.Value });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static void Record(string job, JobOutcome outcome, double seconds)
    {
        var tags = new TagList { { "job", job }, { "outcome", outcome.ToString().ToLowerInvariant() } };
        MessagingTelemetry.JobRuns.Add(1, tags);
        if (outcome != JobOutcome.Skipped)
        {
            MessagingTelemetry.JobDuration.Record(seconds, tags);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Job {Job} skipped: another replica holds its lock")]
    private static partial void LogSkipped(ILogger logger, string job);

    [LoggerMessage(Level = LogLevel.Information, Message = "Job {Job} for {ScheduledFor} succeeded in {ElapsedMs:F0} ms")]
    private static partial void LogSucceeded(ILogger logger, string job, DateTimeOffset scheduledFor, double elapsedMs);

    [LoggerMessage(Level = LogLevel.Error, Message = "Job {Job} for {ScheduledFor} failed")]
    private static partial void LogFailed(ILogger logger, Exception exception, string job, DateTimeOffset scheduledFor);
}
