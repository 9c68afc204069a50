using Crm.Domain.Organizations;
using Crm.Domain.Users;
using Crm.Domain.Webhooks;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Crm.Infrastructure.Data.Configurations;

internal sealed class WebhookConfiguration : IEntityTypeConfiguration<Webhook>
{
    public void Configure(EntityTypeBuilder<Webhook> builder)
    {
        builder.ToTable("webhooks");
        builder.HasKey(w => w.Id).HasName("webhooks_pkey");
        builder.Property(w => w.Id).ValueGeneratedNever();
        builder.Property(w => w.Url).HasMaxLength(Webhook.UrlMaxLength);
        builder.Property(w => w.Description).HasMaxLength(Webhook.DescriptionMaxLength);
        builder.Property(w => w.DeactivationReason).HasMaxLength(200);
        builder.Property(w => w.FailingSince);
        builder.Property(w => w.Version).HasColumnName("xmin").HasColumnType("xid").IsRowVersion();
        builder.HasOne<Organization>().WithMany().HasForeignKey(w => w.OrganizationId).OnDelete(DeleteBehavior.Cascade)
            .HasConstraintName("webhooks_organization_id_fkey");
        builder.HasOne<User>().WithMany().HasForeignKey(w => w.CreatedBy).OnDelete(DeleteBehavior.NoAction)
            .HasConstraintName("webhooks_created_by_fkey");
        builder.HasIndex(w => new { w.OrganizationId, w.CreatedAt }).IsDescending(false, true)
            .HasDatabaseName("ix_webhooks_organization");
    }
}
