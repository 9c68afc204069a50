using Crm.Domain.Companies;
using Crm.Domain.Contacts;
using Crm.Domain.Deals;
using Crm.Domain.Tasks;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Crm.Infrastructure.Data.Configurations;

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

        // A contact's tasks go with it, as a deal's do.
        builder.HasOne<Contact>().WithMany()
            .HasForeignKey(t => new { t.OrganizationId, t.ContactId })
            .HasPrincipalKey(c => new { c.OrganizationId, c.Id })
            .HasConstraintName("fk_tasks_contact")
            .OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Company>().WithMany()
            .HasForeignKey(t => new { t.OrganizationId, t.CompanyId })
            .HasPrincipalKey(c => new { c.OrganizationId, c.Id })
            .HasConstraintName("fk_tasks_company")
            .OnDelete(DeleteBehavior.Cascade);
        builder.ToTable(t => t.HasCheckConstraint("ck_tasks_one_record", "num_nonnulls(deal_id, contact_id, company_id) = 1"));
        builder.Ignore(t => t.DomainEvents);

        // Tasks by due date (those without one last, PostgreSQL's order for ascending keys), all or open only.
        builder.HasIndex(t => new { t.OrganizationId, t.DueDate, t.CreatedAt, t.Id }).HasDatabaseName("ix_tasks_organization_due");
        builder.HasIndex(t => new { t.OrganizationId, t.DueDate, t.CreatedAt, t.Id }, "ix_tasks_organization_open_due")
            .HasFilter("NOT is_done").HasDatabaseName("ix_tasks_organization_open_due");
        builder.HasIndex(t => new { t.DealId, t.DueDate, t.CreatedAt, t.Id }).HasDatabaseName("ix_tasks_deal_due");
        builder.HasIndex(t => new { t.OrganizationId, t.UpdatedAt }).HasDatabaseName("ix_tasks_organization_updated");
        builder.HasIndex(t => new { t.ContactId, t.DueDate, t.CreatedAt, t.Id }).HasDatabaseName("ix_tasks_contact_due");
        builder.HasIndex(t => new { t.CompanyId, t.DueDate, t.CreatedAt, t.Id }).HasDatabaseName("ix_tasks_company_due");

        // "My tasks": one assignee's tasks by due date; the status filter reads along it.
        builder.HasIndex(t => new { t.OrganizationId, t.AssigneeId, t.DueDate, t.CreatedAt, t.Id }).HasDatabaseName("ix_tasks_assignee_due");

        // Two requests changing the same record at once: the second gets 409 concurrent_update, never a lost update.
        builder.Property(r => r.Version).HasColumnName("xmin").HasColumnType("xid").IsRowVersion();
    }
}
