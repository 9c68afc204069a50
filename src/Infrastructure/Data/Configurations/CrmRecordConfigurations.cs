using Crm.Domain.Activities;
using Crm.Domain.Contacts;
using Crm.Domain.Deals;
using Crm.Domain.Organizations;
using Crm.Domain.Tasks;
using Crm.Domain.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Crm.Infrastructure.Data.Configurations;

internal sealed class ContactConfiguration : IEntityTypeConfiguration<Contact>
{
    /// <summary>The generated, accent- and case-folded text that contact search matches (see the migration).</summary>
    public const string SearchText = "SearchText";

    public void Configure(EntityTypeBuilder<Contact> builder)
    {
        builder.ToTable("contacts");
        builder.HasKey(c => c.Id).HasName("contacts_pkey");
        builder.HasAlternateKey(c => new { c.OrganizationId, c.Id }).HasName("ux_contacts_organization_id_id");
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Property(c => c.Name).HasMaxLength(Contact.NameMaxLength);
        builder.Property(c => c.Email).HasMaxLength(Contact.EmailMaxLength);
        builder.Property(c => c.NormalizedEmail).HasMaxLength(Contact.EmailMaxLength);
        builder.Property(c => c.Phone).HasMaxLength(Contact.PhoneMaxLength);
        builder.Property<string>(SearchText)
            .HasComputedColumnSql("crm_unaccent(lower(name || ' ' || coalesce(email, '')))", stored: true);
        builder.HasColumnsInOrder(
            nameof(Contact.Id), nameof(Contact.OrganizationId), nameof(Contact.OwnerId), nameof(Contact.Name),
            nameof(Contact.Email), nameof(Contact.NormalizedEmail), nameof(Contact.Phone), SearchText,
            nameof(Contact.CreatedAt), nameof(Contact.UpdatedAt));
        builder.HasOne<Organization>().WithMany().HasForeignKey(c => c.OrganizationId)
            .HasConstraintName("contacts_organization_id_fkey");
        builder.HasOne<User>().WithMany().HasForeignKey(c => c.OwnerId).OnDelete(DeleteBehavior.NoAction)
            .HasConstraintName("contacts_owner_id_fkey");
        builder.Ignore(c => c.DomainEvents);

        // Lists page by (created_at, id) or (owner, created_at, id) within an organization; the name order uses
        // lower(name), an expression index the migration creates.
        builder.HasIndex(c => new { c.OrganizationId, c.NormalizedEmail }).IsUnique()
            .HasFilter("normalized_email IS NOT NULL").HasDatabaseName("ux_contacts_organization_email");
        builder.HasIndex(c => new { c.OrganizationId, c.CreatedAt, c.Id }).HasDatabaseName("ix_contacts_organization_created");
        builder.HasIndex(c => new { c.OrganizationId, c.OwnerId, c.CreatedAt, c.Id })
            .HasDatabaseName("ix_contacts_organization_owner");
        builder.HasIndex(SearchText).HasMethod("gin").HasOperators("gin_trgm_ops").HasDatabaseName("ix_contacts_search_trgm");

        // Two requests changing the same record at once: the second gets 409 concurrent_update, never a lost update.
        builder.Property<uint>("xmin").HasColumnName("xmin").HasColumnType("xid").IsRowVersion();
    }
}

internal sealed class DealConfiguration : IEntityTypeConfiguration<Deal>
{
    public void Configure(EntityTypeBuilder<Deal> builder)
    {
        builder.ToTable("deals", t =>
        {
            t.HasCheckConstraint("deals_amount_check", "amount >= 0");
            t.HasCheckConstraint("deals_status_check", "status IN ('new', 'in_progress', 'won', 'lost')");
            t.HasCheckConstraint("deals_stage_check", "stage IN ('qualification', 'proposal', 'negotiation', 'closed')");
            t.HasCheckConstraint("ck_deals_closed_means_outcome", "(stage = 'closed') = (status IN ('won', 'lost'))");
        });
        builder.HasColumnsInOrder(
            nameof(Deal.Id), nameof(Deal.OrganizationId), nameof(Deal.ContactId), nameof(Deal.OwnerId),
            nameof(Deal.Title), nameof(Deal.Amount), nameof(Deal.Currency), nameof(Deal.Status), nameof(Deal.Stage),
            nameof(Deal.CreatedAt), nameof(Deal.UpdatedAt));
        builder.HasKey(d => d.Id).HasName("deals_pkey");
        builder.HasAlternateKey(d => new { d.OrganizationId, d.Id }).HasName("ux_deals_organization_id_id");
        builder.Property(d => d.Id).ValueGeneratedNever();
        builder.Property(d => d.Title).HasMaxLength(Deal.TitleMaxLength);
        builder.Property(d => d.Amount).HasPrecision(18, 2);
        builder.Property(d => d.Currency).HasMaxLength(3).IsFixedLength();
        builder.Property(d => d.Status).HasConversion(SnakeCaseEnumConverter<DealStatus>.Instance).HasMaxLength(16);
        builder.Property(d => d.Stage).HasConversion(SnakeCaseEnumConverter<DealStage>.Instance).HasMaxLength(16);
        builder.HasOne<Contact>().WithMany()
            .HasForeignKey(d => new { d.OrganizationId, d.ContactId })
            .HasPrincipalKey(c => new { c.OrganizationId, c.Id })
            .HasConstraintName("fk_deals_contact")
            .OnDelete(DeleteBehavior.NoAction);
        builder.HasOne<Organization>().WithMany().HasForeignKey(d => d.OrganizationId)
            .HasConstraintName("deals_organization_id_fkey");
        builder.HasOne<User>().WithMany().HasForeignKey(d => d.OwnerId).OnDelete(DeleteBehavior.NoAction)
            .HasConstraintName("deals_owner_id_fkey");
        builder.Ignore(d => d.DomainEvents);

        // One index per list order within an organization; the title order uses lower(title), an expression
        // index the migration creates.
        builder.HasIndex(d => new { d.OrganizationId, d.CreatedAt, d.Id }).HasDatabaseName("ix_deals_organization_created");
        builder.HasIndex(d => new { d.OrganizationId, d.UpdatedAt, d.Id }).HasDatabaseName("ix_deals_organization_updated");
        builder.HasIndex(d => new { d.OrganizationId, d.Amount, d.Id }).HasDatabaseName("ix_deals_organization_amount");
        builder.HasIndex(d => new { d.OrganizationId, d.Status, d.Amount, d.Id })
            .HasDatabaseName("ix_deals_organization_status_amount");
        builder.HasIndex(d => new { d.OrganizationId, d.Stage, d.Status }).HasDatabaseName("ix_deals_organization_stage");
        builder.HasIndex(d => new { d.OrganizationId, d.ContactId }).HasDatabaseName("ix_deals_organization_contact");
        builder.HasIndex(d => new { d.OrganizationId, d.OwnerId, d.CreatedAt, d.Id })
            .HasDatabaseName("ix_deals_organization_owner");

        // Two requests changing the same record at once: the second gets 409 concurrent_update, never a lost update.
        builder.Property<uint>("xmin").HasColumnName("xmin").HasColumnType("xid").IsRowVersion();
    }
}

internal sealed class DealTaskConfiguration : IEntityTypeConfiguration<DealTask>
{
    public void Configure(EntityTypeBuilder<DealTask> builder)
    {
        builder.ToTable("tasks");
        builder.HasKey(t => t.Id).HasName("tasks_pkey");
        builder.Property(t => t.Id).ValueGeneratedNever();
        builder.Property(t => t.IsDone).HasDefaultValue(false).ValueGeneratedNever();
        builder.Property(t => t.Title).HasMaxLength(DealTask.TitleMaxLength);
        builder.Property(t => t.Description).HasMaxLength(DealTask.DescriptionMaxLength);
        builder.HasOne<Deal>().WithMany()
            .HasForeignKey(t => new { t.OrganizationId, t.DealId })
            .HasPrincipalKey(d => new { d.OrganizationId, d.Id })
            .HasConstraintName("fk_tasks_deal")
            .OnDelete(DeleteBehavior.Cascade);
        builder.Ignore(t => t.DomainEvents);

        // Tasks by due date (those without one last, PostgreSQL's order for ascending keys), all or open only.
        builder.HasIndex(t => new { t.OrganizationId, t.DueDate, t.CreatedAt, t.Id }).HasDatabaseName("ix_tasks_organization_due");
        builder.HasIndex(t => new { t.OrganizationId, t.DueDate, t.CreatedAt, t.Id }, "ix_tasks_organization_open_due")
            .HasFilter("NOT is_done").HasDatabaseName("ix_tasks_organization_open_due");
        builder.HasIndex(t => new { t.DealId, t.DueDate, t.CreatedAt, t.Id }).HasDatabaseName("ix_tasks_deal_due");

        // Two requests changing the same record at once: the second gets 409 concurrent_update, never a lost update.
        builder.Property<uint>("xmin").HasColumnName("xmin").HasColumnType("xid").IsRowVersion();
    }
}

internal sealed class ActivityConfiguration : IEntityTypeConfiguration<Activity>
{
    public void Configure(EntityTypeBuilder<Activity> builder)
    {
        builder.ToTable("activities", t => t.HasCheckConstraint(
            "activities_type_check",
            "type IN ('comment', 'status_changed', 'stage_changed', 'task_created', 'task_completed', 'deal_updated', 'system')"));
        builder.HasKey(a => a.Id).HasName("activities_pkey");
        builder.Property(a => a.Id).ValueGeneratedNever();
        builder.Property(a => a.Type).HasConversion(SnakeCaseEnumConverter<ActivityType>.Instance).HasMaxLength(32);
        builder.Property(a => a.Payload).HasColumnType("jsonb");
        builder.HasOne<User>().WithMany().HasForeignKey(a => a.AuthorId).OnDelete(DeleteBehavior.NoAction)
            .HasConstraintName("activities_author_id_fkey");
        builder.HasOne<Deal>().WithMany()
            .HasForeignKey(a => new { a.OrganizationId, a.DealId })
            .HasPrincipalKey(d => new { d.OrganizationId, d.Id })
            .HasConstraintName("fk_activities_deal")
            .OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(a => new { a.DealId, a.CreatedAt, a.Id }).IsDescending(false, true, true)
            .HasDatabaseName("ix_activities_deal_timeline");
    }
}
