using Crm.Domain.Email;
using Crm.Domain.Organizations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Crm.Infrastructure.Data.Configurations;

internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> builder)
    {
        builder.ToTable("outbox_messages", t => t.HasCheckConstraint(
            "outbox_messages_status_check", "status IN ('pending', 'sending', 'sent', 'failed')"));
        builder.HasKey(m => m.Id).HasName("outbox_messages_pkey");
        builder.Property(m => m.Id).ValueGeneratedNever();
        builder.Property(m => m.Template).HasMaxLength(32);
        builder.Property(m => m.Recipient).HasMaxLength(254);
        builder.Property(m => m.Status).HasConversion(SnakeCaseEnumConverter<OutboxStatus>.Instance).HasMaxLength(16);
        builder.Property(m => m.Attempts).HasDefaultValue(0).ValueGeneratedNever();
        builder.HasOne<Organization>().WithMany().HasForeignKey(m => m.OrganizationId).OnDelete(DeleteBehavior.Cascade)
            .HasConstraintName("outbox_messages_organization_id_fkey");
        builder.HasIndex(m => m.NextAttemptAt).HasFilter("status IN ('pending', 'sending')")
            .HasDatabaseName("ix_outbox_messages_due");
        builder.HasIndex(m => new { m.OrganizationId, m.CreatedAt, m.Id }).IsDescending(false, true, true)
            .HasDatabaseName("ix_outbox_messages_organization");
    }
}
