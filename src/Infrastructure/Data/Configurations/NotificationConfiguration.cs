using Crm.Domain.Notifications;
using Crm.Domain.Organizations;
using Crm.Domain.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Crm.Infrastructure.Data.Configurations;

internal sealed class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> builder)
    {
        builder.ToTable("notifications");
        builder.HasKey(n => n.Id).HasName("notifications_pkey");
        builder.Property(n => n.Id).ValueGeneratedNever();
        builder.Property(n => n.Sequence).UseIdentityAlwaysColumn();
        builder.Property(n => n.Type).HasMaxLength(32);
        builder.Property(n => n.Title).HasMaxLength(Notification.TitleMaxLength);
        builder.Property(n => n.Body).HasMaxLength(Notification.BodyMaxLength);
        builder.Property(n => n.RecordType).HasMaxLength(16);
        builder.Property(n => n.ActorName).HasMaxLength(200);
        builder.HasOne<User>().WithMany().HasForeignKey(n => n.UserId).OnDelete(DeleteBehavior.Cascade)
            .HasConstraintName("notifications_user_id_fkey");
        builder.HasOne<Organization>().WithMany().HasForeignKey(n => n.OrganizationId).OnDelete(DeleteBehavior.Cascade)
            .HasConstraintName("notifications_organization_id_fkey");

        // A person's list, newest first (in all organizations or one), and their unread count.
        builder.HasIndex(n => new { n.UserId, n.CreatedAt, n.Id }).IsDescending(false, true, true).HasFilter("in_app")
            .HasDatabaseName("ix_notifications_user");
        builder.HasIndex(n => new { n.UserId, n.OrganizationId, n.CreatedAt, n.Id }).IsDescending(false, false, true, true)
            .HasFilter("in_app").HasDatabaseName("ix_notifications_user_organization");
        builder.HasIndex(n => new { n.UserId, n.OrganizationId }).HasFilter("in_app AND read_at IS NULL")
            .HasDatabaseName("ix_notifications_unread");

        // The live stream: a person's notifications after a resume cursor.
        builder.HasIndex(n => new { n.UserId, n.Sequence }).HasFilter("in_app").HasDatabaseName("ix_notifications_user_sequence");

        // The emails to send: whose are due.
        builder.HasIndex(n => n.EmailDueAt).HasFilter("email_due_at IS NOT NULL AND emailed_at IS NULL")
            .HasDatabaseName("ix_notifications_email_due");
        builder.HasIndex(n => n.CreatedAt).HasDatabaseName("ix_notifications_created_at");
    }
}
