using Crm.Domain.Activities;
using Crm.Domain.Auditing;
using Crm.Domain.Deals;
using Crm.Domain.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Crm.Infrastructure.Data.Configurations;

internal sealed class ActivityConfiguration : IEntityTypeConfiguration<Activity>
{
    public void Configure(EntityTypeBuilder<Activity> builder)
    {
        builder.ToTable("activities", t => t.HasCheckConstraint(
            "activities_type_check",
            "type IN ('comment', 'status_changed', 'stage_changed', 'task_created', 'task_completed', 'deal_updated', 'system', 'task_assigned', 'note', 'call', 'meeting', 'email', 'contact_updated', 'company_updated')"));
        builder.HasKey(a => a.Id).HasName("activities_pkey");
        builder.Ignore(a => a.DomainEvents);
        builder.Property(a => a.Id).ValueGeneratedNever();
        builder.Property(a => a.Type).HasConversion(SnakeCaseEnumConverter<ActivityType>.Instance).HasMaxLength(32);
        builder.Property(a => a.Payload).HasColumnType("jsonb");
        builder.Property(a => a.AuthorType).HasConversion(SnakeCaseEnumConverter<ActorType>.Instance).HasMaxLength(16)
            .HasDefaultValue(ActorType.User).ValueGeneratedNever();
        builder.HasOne<User>().WithMany().HasForeignKey(a => a.AuthorId).OnDelete(DeleteBehavior.NoAction)
            .HasConstraintName("activities_author_id_fkey");
        builder.HasOne<Deal>().WithMany()
            .HasForeignKey(a => new { a.OrganizationId, a.DealId })
            .HasPrincipalKey(d => new { d.OrganizationId, d.Id })
            .HasConstraintName("fk_activities_deal")
            .OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(a => new { a.DealId, a.CreatedAt, a.Id }).IsDescending(false, true, true)
            .HasDatabaseName("ix_activities_deal_timeline");
        builder.Property(a => a.Subject).HasMaxLength(ActivityLimits.SubjectMaxLength);
        builder.Property(a => a.Body).HasMaxLength(ActivityLimits.BodyMaxLength);
        builder.Property(a => a.Outcome).HasMaxLength(ActivityLimits.OutcomeMaxLength);
        builder.Property(a => a.Mentions).HasColumnType("uuid[]").HasDefaultValueSql("'{}'::uuid[]");

        // Contacts and companies are not foreign keys: an entry of a deal outlives the link to a deleted contact or
        // company (the deletion unlinks it, or removes an entry left on no timeline).
        builder.HasIndex(a => new { a.ContactId, a.CreatedAt, a.Id }).IsDescending(false, true, true)
            .HasFilter("contact_id IS NOT NULL").HasDatabaseName("ix_activities_contact_timeline");
        builder.HasIndex(a => new { a.CompanyId, a.CreatedAt, a.Id }).IsDescending(false, true, true)
            .HasFilter("company_id IS NOT NULL").HasDatabaseName("ix_activities_company_timeline");
        builder.HasIndex(a => new { a.OrganizationId, a.CreatedAt, a.Id }).IsDescending(false, true, true)
            .HasDatabaseName("ix_activities_feed");
        builder.HasIndex(a => a.Mentions).HasMethod("gin").HasDatabaseName("ix_activities_mentions");

        // The reports: a window's stage changes (how long each deal had stayed in the stage it left, in the entry's
        // payload) and the activities people logged in a window by author, both read from the index alone.
        builder.HasIndex(a => new { a.OrganizationId, a.CreatedAt }, "ix_activities_organization_stage_changes").IncludeProperties(a => a.Payload)
            .HasFilter("type = 'stage_changed'").HasDatabaseName("ix_activities_organization_stage_changes");
        builder.HasIndex(a => new { a.OrganizationId, a.CreatedAt }, "ix_activities_organization_logged").IncludeProperties(a => a.AuthorId)
            .HasFilter("type IN ('comment', 'note', 'call', 'meeting', 'email')").HasDatabaseName("ix_activities_organization_logged");
    }
}
