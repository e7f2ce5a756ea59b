using CQCTP.Messaging.Inbox;
using CQCTP.Messaging.Jobs;
using CQCTP.Messaging.Outbox;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Migrations;

namespace CQCTP.Messaging;

/// <summary>The messaging tables every service has in its own database: outbox, inbox, job runs and job keys.</summary>
public static class MessagingModel
{
    /// <summary>The channel the outbox trigger notifies; a NOTIFY is delivered only when its transaction commits.</summary>
    public const string NotifyChannel = "cqctp_outbox";

    /// <summary>
    /// A statement-level trigger: any insert into the outbox, whatever the code path, signals the relay on commit,
    /// at no extra round trip. PostgreSQL folds identical notifications of one transaction into one.
    /// </summary>
    public const string CreateNotifyTriggerSql = $"""
        CREATE OR REPLACE FUNCTION outbox_messages_notify() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            PERFORM pg_notify('{NotifyChannel}', '');
            RETURN NULL;
        END $$;
        DROP TRIGGER IF EXISTS outbox_messages_notify ON outbox_messages;
        CREATE TRIGGER outbox_messages_notify AFTER INSERT ON outbox_messages
            FOR EACH STATEMENT EXECUTE FUNCTION outbox_messages_notify();
        """;

    public static ModelBuilder AddMessagingTables(this ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<OutboxMessage>(entity =>
        {
            entity.ToTable("outbox_messages");
            entity.HasKey(m => m.Id);
            entity.Property(m => m.Id).HasColumnName("id").ValueGeneratedNever();
            entity.Property(m => m.MessageType).HasColumnName("message_type").HasMaxLength(500);
            entity.Property(m => m.Body).HasColumnName("body").HasColumnType("jsonb");
            entity.Property(m => m.CorrelationId).HasColumnName("correlation_id");
            entity.Property(m => m.TraceParent).HasColumnName("trace_parent").HasMaxLength(100);
            entity.Property(m => m.CreatedAt).HasColumnName("created_at");
            entity.Property(m => m.NextAttemptAt).HasColumnName("next_attempt_at");
            entity.Property(m => m.DispatchedAt).HasColumnName("dispatched_at");
            entity.Property(m => m.Attempts).HasColumnName("attempts");
            entity.Property(m => m.LastError).HasColumnName("last_error").HasMaxLength(2000);
            entity.HasIndex(m => m.NextAttemptAt).HasDatabaseName("ix_outbox_messages_pending").HasFilter("dispatched_at IS NULL");
            entity.HasIndex(m => m.DispatchedAt).HasDatabaseName("ix_outbox_messages_dispatched").HasFilter("dispatched_at IS NOT NULL");
        });

        modelBuilder.Entity<InboxRecord>(entity =>
        {
            entity.ToTable("inbox_messages");
            entity.HasKey(m => new { m.MessageId, m.Consumer });
            entity.Property(m => m.MessageId).HasColumnName("message_id");
            entity.Property(m => m.Consumer).HasColumnName("consumer").HasMaxLength(200);
            entity.Property(m => m.ProcessedAt).HasColumnName("processed_at");
            entity.HasIndex(m => m.ProcessedAt);
        });

        modelBuilder.Entity<JobRun>(entity =>
        {
            entity.ToTable("job_runs");
            entity.HasKey(r => r.Job);
            entity.Property(r => r.Job).HasColumnName("job").HasMaxLength(200);
            entity.Property(r => r.LastStartedAt).HasColumnName("last_started_at");
            entity.Property(r => r.LastFinishedAt).HasColumnName("last_finished_at");
            entity.Property(r => r.LastOutcome).HasColumnName("last_outcome").HasMaxLength(20);
            entity.Property(r => r.LastError).HasColumnName("last_error").HasMaxLength(2000);
            entity.Property(r => r.LastScheduledFor).HasColumnName("last_scheduled_for");
        });

        modelBuilder.Entity<JobOccurrence>(entity =>
        {
            entity.ToTable("job_occurrences");
            entity.HasKey(o => new { o.Job, o.Key });
            entity.Property(o => o.Job).HasColumnName("job").HasMaxLength(200);
            entity.Property(o => o.Key).HasColumnName("key").HasMaxLength(400);
            entity.Property(o => o.CreatedAt).HasColumnName("created_at");
        });

        return modelBuilder;
    }

    /// <summary>For migrations: call after the outbox table is created.</summary>
    public static MigrationBuilder CreateOutboxNotifyTrigger(this MigrationBuilder migrationBuilder)
    {
        migrationBuilder.Sql(CreateNotifyTriggerSql);
        return migrationBuilder;
    }
}
