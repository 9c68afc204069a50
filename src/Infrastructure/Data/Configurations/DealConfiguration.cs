using Crm.Domain.Companies;
using Crm.Domain.Contacts;
using Crm.Domain.Deals;
using Crm.Domain.Organizations;
using Crm.Domain.Records;
using Crm.Domain.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Crm.Infrastructure.Data.Configurations;

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
            nameof(Deal.CreatedAt), nameof(Deal.UpdatedAt), nameof(Deal.ExternalId), nameof(Deal.CompanyId),
            nameof(Deal.ExpectedCloseDate), nameof(Deal.ClosedAt), nameof(Deal.StageChangedAt));
        builder.HasKey(d => d.Id).HasName("deals_pkey");
        builder.HasAlternateKey(d => new { d.OrganizationId, d.Id }).HasName("ux_deals_organization_id_id");
        builder.Property(d => d.Id).ValueGeneratedNever();
        builder.Property(d => d.ExternalId).HasMaxLength(ExternalIdLimits.MaxLength);
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
        builder.HasOne<Company>().WithMany()
            .HasForeignKey(d => new { d.OrganizationId, d.CompanyId })
            .HasPrincipalKey(c => new { c.OrganizationId, c.Id })
            .HasConstraintName("fk_deals_company")
            .OnDelete(DeleteBehavior.NoAction);
        builder.HasOne<Organization>().WithMany().HasForeignKey(d => d.OrganizationId)
            .HasConstraintName("deals_organization_id_fkey");
        builder.HasOne<User>().WithMany().HasForeignKey(d => d.OwnerId).OnDelete(DeleteBehavior.NoAction)
            .HasConstraintName("deals_owner_id_fkey");
        builder.Ignore(d => d.DomainEvents);
        builder.HasTags("deals");
        builder.HasCustomFields("deals");

        // One index per list order within an organization; the title order uses lower(title), an expression
        // index the migration creates.
        // The trend's deals created per bucket read currency and amount from the index alone.
        builder.HasIndex(d => new { d.OrganizationId, d.CreatedAt, d.Id }).HasDatabaseName("ix_deals_organization_created")
            .IncludeProperties(d => new { d.Currency, d.Amount });
        builder.HasIndex(d => new { d.OrganizationId, d.ExternalId }).IsUnique()
            .HasFilter("external_id IS NOT NULL").HasDatabaseName("ux_deals_organization_external_id");
        builder.HasIndex(d => new { d.OrganizationId, d.UpdatedAt, d.Id }).HasDatabaseName("ix_deals_organization_updated");
        builder.HasIndex(d => new { d.OrganizationId, d.Amount, d.Id }).HasDatabaseName("ix_deals_organization_amount");
        builder.HasIndex(d => new { d.OrganizationId, d.Status, d.Amount, d.Id })
            .HasDatabaseName("ix_deals_organization_status_amount").IncludeProperties(d => new { d.OwnerId, d.Currency });
        // The reports' closings (trend, velocity, owners): deals won or lost in a window, from the index alone.
        builder.HasIndex(d => new { d.OrganizationId, d.ClosedAt })
            .IncludeProperties(d => new { d.Status, d.Currency, d.Amount, d.OwnerId, d.CreatedAt })
            .HasFilter("closed_at IS NOT NULL").HasDatabaseName("ix_deals_organization_closed");
        builder.HasIndex(d => new { d.OrganizationId, d.Stage, d.Status }).HasDatabaseName("ix_deals_organization_stage");
        builder.HasIndex(d => new { d.OrganizationId, d.ContactId }).HasDatabaseName("ix_deals_organization_contact");
        // A company's deals: its list filter and its counts (open deals, won amounts per currency).
        builder.HasIndex(d => new { d.OrganizationId, d.CompanyId, d.Status, d.Currency })
            .HasFilter("company_id IS NOT NULL").HasDatabaseName("ix_deals_organization_company");
        // The forecast (open deals by expected close month) and the list's expected-close filters.
        builder.HasIndex(d => new { d.OrganizationId, d.ExpectedCloseDate })
            .HasFilter("expected_close_date IS NOT NULL").HasDatabaseName("ix_deals_organization_expected_close");
        builder.HasIndex(d => new { d.OrganizationId, d.OwnerId, d.CreatedAt, d.Id })
            .HasDatabaseName("ix_deals_organization_owner");

        // Two requests changing the same record at once: the second gets 409 concurrent_update, never a lost update.
        builder.Property(r => r.Version).HasColumnName("xmin").HasColumnType("xid").IsRowVersion();
    }
}
