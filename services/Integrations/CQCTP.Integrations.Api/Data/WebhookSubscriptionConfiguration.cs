using CQCTP.Integrations.Api.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CQCTP.Integrations.Api.Data;

internal sealed class WebhookSubscriptionConfiguration : IEntityTypeConfiguration<WebhookSubscription>
{
    public void Configure(EntityTypeBuilder<WebhookSubscription> builder)
    {
        builder.ToTable("webhook_subscriptions");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).HasColumnName("id").ValueGeneratedNever();
        builder.Property(s => s.ClientId).HasColumnName("client_id").HasMaxLength(100);
        builder.Property(s => s.Url).HasColumnName("url").HasMaxLength(2000);
        // One subscription per client and URL: a second registration is a 409, not a second copy of every event.
        builder.HasIndex(s => new { s.ClientId, s.Url }).IsUnique();
        builder.PrimitiveCollection(s => s.EventTypes).HasColumnName("event_types");
        builder.Property(s => s.Description).HasColumnName("description").HasMaxLength(500);
        builder.Property(s => s.Secret).HasColumnName("secret").HasMaxLength(100);
        builder.Property(s => s.Enabled).HasColumnName("enabled");
        builder.Property(s => s.DisabledReason).HasColumnName("disabled_reason").HasMaxLength(20);
        builder.Property(s => s.DisabledAt).HasColumnName("disabled_at");
        builder.Property(s => s.FailingSince).HasColumnName("failing_since");
        builder.Property(s => s.CreatedAt).HasColumnName("created_at");
        builder.Property(s => s.UpdatedAt).HasColumnName("updated_at");
        builder.Property(s => s.Version).IsRowVersion();
    }
}
