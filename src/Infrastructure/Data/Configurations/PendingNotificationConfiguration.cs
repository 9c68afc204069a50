using Crm.Domain.Notifications;
using Crm.Domain.Organizations;
using Crm.Domain.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Crm.Infrastructure.Data.Configurations;

internal sealed class PendingNotificationConfiguration : IEntityTypeConfiguration<PendingNotification>
{
    public void Configure(EntityTypeBuilder<PendingNotification> builder)
    {
        builder.ToTable("pending_notifications");
        builder.HasKey(n => n.Id).HasName("pending_notifications_pkey");
        builder.Property(n => n.Id).ValueGeneratedNever();
        builder.Property(n => n.Type).HasMaxLength(32);
        builder.Property(n => n.RecordType).HasMaxLength(16);
        builder.Property(n => n.Subject).HasMaxLength(PendingNotification.SubjectMaxLength);
        builder.Property(n => n.Detail).HasMaxLength(PendingNotification.SubjectMaxLength);
        builder.HasOne<User>().WithMany().HasForeignKey(n => n.UserId).OnDelete(DeleteBehavior.Cascade)
            .HasConstraintName("pending_notifications_user_id_fkey");
        builder.HasOne<Organization>().WithMany().HasForeignKey(n => n.OrganizationId).OnDelete(DeleteBehavior.Cascade)
            .HasConstraintName("pending_notifications_organization_id_fkey");
        builder.HasIndex(n => new { n.CreatedAt, n.Id }).HasDatabaseName("ix_pending_notifications_order");
    }
}
