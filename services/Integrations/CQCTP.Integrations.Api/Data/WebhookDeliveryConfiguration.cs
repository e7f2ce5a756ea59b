using CQCTP.Integrations.Api.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CQCTP.Integrations.Api.Data;

internal sealed class WebhookDeliveryConfiguration : IEntityTypeConfiguration<WebhookDelivery>
{
    public void Configure(EntityTypeBuilder<WebhookDelivery> builder)
    {
        builder.ToTable("webhook_deliveries");
        builder.HasKey(d => d.Id);
        builder.Property(d => d.Id).HasColumnName("id").ValueGeneratedNever();
        builder.Property(d => d.SubscriptionId).HasColumnName("subscription_id");
        builder.HasOne<WebhookSubscription>().WithMany().HasForeignKey(d => d.SubscriptionId)
            .OnDelete(DeleteBehavior.Cascade);
        builder.Property(d => d.MessageId).HasColumnName("message_id");
        // An event published twice (the outbox is at least once) is delivered once per subscription.
        builder.HasIndex(d => new { d.SubscriptionId, d.MessageId }).IsUnique();
        builder.Property(d => d.EventType).HasColumnName("event_type").HasMaxLength(200);
        builder.Property(d => d.Payload).HasColumnName("payload");
        builder.Property(d => d.Status).HasColumnName("status").HasConversion<string>().HasMaxLength(20);
        builder.Property(d => d.Attempts).HasColumnName("attempts");
        builder.Property(d => d.LastStatusCode).HasColumnName("last_status_code");
        builder.Property(d => d.LastError).HasColumnName("last_error").HasMaxLength(500);
        builder.Property(d => d.NextAttemptAt).HasColumnName("next_attempt_at");
        // The dispatcher's claim: pending rows by due time.
        builder.HasIndex(d => new { d.Status, d.NextAttemptAt });
        builder.Property(d => d.CreatedAt).HasColumnName("created_at");
        builder.Property(d => d.DeliveredAt).HasColumnName("delivered_at");
    }
}
