using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CQCTP.Integrations.Api.Data;

internal sealed class UnprocessableStreamEventConfiguration : IEntityTypeConfiguration<UnprocessableStreamEvent>
{
    public void Configure(EntityTypeBuilder<UnprocessableStreamEvent> builder)
    {
        builder.ToTable("unprocessable_stream_events");
        // One row per stream message: a batch replayed after a failure records it once.
        builder.HasKey(e => new { e.Stream, e.Offset });
        builder.Property(e => e.Stream).HasColumnName("stream").HasMaxLength(200);
        builder.Property(e => e.Offset).HasColumnName("offset");
        builder.Property(e => e.MessageId).HasColumnName("message_id");
        builder.Property(e => e.EventType).HasColumnName("event_type").HasMaxLength(300);
        builder.Property(e => e.Error).HasColumnName("error").HasMaxLength(500);
        builder.Property(e => e.RecordedAt).HasColumnName("recorded_at");
    }
}
