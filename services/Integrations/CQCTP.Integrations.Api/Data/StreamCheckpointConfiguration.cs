using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CQCTP.Integrations.Api.Data;

internal sealed class StreamCheckpointConfiguration : IEntityTypeConfiguration<StreamCheckpoint>
{
    public void Configure(EntityTypeBuilder<StreamCheckpoint> builder)
    {
        builder.ToTable("stream_checkpoints");
        builder.HasKey(c => c.Stream);
        builder.Property(c => c.Stream).HasColumnName("stream").HasMaxLength(200);
        builder.Property(c => c.Offset).HasColumnName("offset");
        builder.Property(c => c.UpdatedAt).HasColumnName("updated_at");
    }
}
