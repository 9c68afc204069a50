using Crm.Domain.Notifications;
using Crm.Domain.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Crm.Infrastructure.Data.Configurations;

internal sealed class NotificationPreferencesConfiguration : IEntityTypeConfiguration<NotificationPreferences>
{
    public void Configure(EntityTypeBuilder<NotificationPreferences> builder)
    {
        builder.ToTable("notification_preferences", t => t.HasCheckConstraint(
            "notification_preferences_email_digest_check", "email_digest IN ('off', 'hourly', 'daily')"));
        builder.HasKey(p => p.Id).HasName("notification_preferences_pkey");
        builder.Property(p => p.Id).HasColumnName("user_id").ValueGeneratedNever();
        builder.Ignore(p => p.UserId);
        builder.Ignore(p => p.QuietHours);
        builder.Property(p => p.Channels).HasColumnType("jsonb");
        builder.Property(p => p.QuietHoursTimeZone).HasMaxLength(64);
        builder.Property(p => p.EmailDigest).HasConversion(SnakeCaseEnumConverter<EmailDigest>.Instance).HasMaxLength(16);
        builder.HasOne<User>().WithOne().HasForeignKey<NotificationPreferences>(p => p.Id).OnDelete(DeleteBehavior.Cascade)
            .HasConstraintName("notification_preferences_user_id_fkey");
    }
}
