using CQCTP.Membership.Api.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CQCTP.Membership.Api.Data;

internal sealed class DelegateConsentConfiguration : IEntityTypeConfiguration<DelegateConsent>
{
    public void Configure(EntityTypeBuilder<DelegateConsent> builder)
    {
        builder.ToTable("delegate_consents");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).HasColumnName("id").ValueGeneratedNever();
        builder.Property(c => c.DelegateId).HasColumnName("delegate_id");
        builder.HasIndex(c => new { c.DelegateId, c.RecordedAt });
        builder.Property(c => c.Purpose).HasColumnName("purpose").HasConversion<string>().HasMaxLength(30);
        builder.Property(c => c.Action).HasColumnName("action").HasConversion<string>().HasMaxLength(20);
        builder.Property(c => c.TextVersion).HasColumnName("text_version").HasMaxLength(50);
        builder.Property(c => c.ShowEmail).HasColumnName("show_email");
        builder.Property(c => c.ShowPhone).HasColumnName("show_phone");
        builder.Property(c => c.RecordedBy).HasColumnName("recorded_by").HasMaxLength(100);
        builder.Property(c => c.RecordedAt).HasColumnName("recorded_at");
    }
}
