using Crm.Domain.Notifications;
using Crm.Domain.Organizations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Crm.Infrastructure.Data.Configurations;

internal sealed class TaskReminderRunConfiguration : IEntityTypeConfiguration<TaskReminderRun>
{
    public void Configure(EntityTypeBuilder<TaskReminderRun> builder)
    {
        builder.ToTable("task_reminder_runs");
        // One row per organization and day: the instance whose insert succeeds sends that day's reminders.
        builder.HasKey(r => new { r.OrganizationId, r.Day }).HasName("task_reminder_runs_pkey");
        builder.HasOne<Organization>().WithMany().HasForeignKey(r => r.OrganizationId).OnDelete(DeleteBehavior.Cascade)
            .HasConstraintName("task_reminder_runs_organization_id_fkey");
    }
}
