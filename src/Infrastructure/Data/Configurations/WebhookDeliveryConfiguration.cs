using Crm.Domain.Webhooks;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Crm.Infrastructure.Data.Configurations;

internal sealed class WebhookDeliveryConfiguration : IEntityTypeConfiguration<WebhookDelivery>
{
    public void Configure(EntityTypeBuilder<WebhookDelivery> builder)
    {
        builder.ToTable("webhook_deliveries", t => t.HasCheckConstraint(
            "webhook_deliveries_status_check", "status IN ('pending', 'sending', 'succeeded', 'failed')"));
        builder.HasKey(d => d.Id).HasName("webhook_deliveries_pkey");
        builder.Property(d => d.Id).ValueGeneratedNever();
        builder.Property(d => d.EventType).HasMaxLength(64);
        builder.Property(d => d.Payload).HasColumnType("text");
        builder.Property(d => d.Sequence).UseIdentityAlwaysColumn();
        builder.Property(d => d.Status).HasConversion(SnakeCaseEnumConverter<WebhookDeliveryStatus>.Instance).HasMaxLength(16);
        builder.Property(d => d.LastError).HasMaxLength(500);
        builder.Property(d => d.LastResponseBody).HasMaxLength(WebhookDelivery.ResponseBodyMaxLength);

        // Deleting a webhook deletes what was on its way to it.
        builder.HasOne<Webhook>().WithMany().HasForeignKey(d => d.WebhookId).OnDelete(DeleteBehavior.Cascade)
            .HasConstraintName("webhook_deliveries_webhook_id_fkey");

        // The dispatcher's claim: what is due, in order; and what is still unsent before a record's next delivery.
        builder.HasIndex(d => d.NextAttemptAt).HasFilter("status IN ('pending', 'sending')")
            .HasDatabaseName("ix_webhook_deliveries_due");
        builder.HasIndex(d => new { d.WebhookId, d.RecordId, d.Sequence }).HasFilter("status IN ('pending', 'sending')")
            .HasDatabaseName("ix_webhook_deliveries_record_order");
        builder.HasIndex(d => new { d.WebhookId, d.CreatedAt }).IsDescending(false, true)
            .HasDatabaseName("ix_webhook_deliveries_webhook");
        builder.HasIndex(d => d.CreatedAt).HasDatabaseName("ix_webhook_deliveries_created_at");
    }
}
