using Crm.Domain.Companies;
using Crm.Domain.Contacts;
using Crm.Domain.Organizations;
using Crm.Domain.Records;
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
        builder.Property(c => c.ExternalId).HasMaxLength(ExternalIdLimits.MaxLength);
        builder.Property<string>(SearchText)
            .HasComputedColumnSql("crm_unaccent(lower(name || ' ' || coalesce(email, '') || ' ' || " + CustomFieldColumns.SearchableText + "))", stored: true);
        builder.HasColumnsInOrder(
            nameof(Contact.Id), nameof(Contact.OrganizationId), nameof(Contact.OwnerId), nameof(Contact.Name),
            nameof(Contact.Email), nameof(Contact.NormalizedEmail), nameof(Contact.Phone), SearchText,
            nameof(Contact.CreatedAt), nameof(Contact.UpdatedAt), nameof(Contact.ExternalId), nameof(Contact.CompanyId));
        builder.HasOne<Organization>().WithMany().HasForeignKey(c => c.OrganizationId)
            .HasConstraintName("contacts_organization_id_fkey");
        builder.HasOne<User>().WithMany().HasForeignKey(c => c.OwnerId).OnDelete(DeleteBehavior.NoAction)
            .HasConstraintName("contacts_owner_id_fkey");
        builder.HasOne<Company>().WithMany()
            .HasForeignKey(c => new { c.OrganizationId, c.CompanyId })
            .HasPrincipalKey(c => new { c.OrganizationId, c.Id })
            .HasConstraintName("fk_contacts_company")
            .OnDelete(DeleteBehavior.NoAction);
        builder.Ignore(c => c.DomainEvents);
        builder.HasTags("contacts");
        builder.HasCustomFields("contacts");

        // Lists page by (created_at, id) or (owner, created_at, id) within an organization; the name order uses
        // lower(name), an expression index the migration creates.
        builder.HasIndex(c => new { c.OrganizationId, c.NormalizedEmail }).IsUnique()
            .HasFilter("normalized_email IS NOT NULL").HasDatabaseName("ux_contacts_organization_email");
        builder.HasIndex(c => new { c.OrganizationId, c.CreatedAt, c.Id }).HasDatabaseName("ix_contacts_organization_created");
        builder.HasIndex(c => new { c.OrganizationId, c.UpdatedAt }).HasDatabaseName("ix_contacts_organization_updated");
        builder.HasIndex(c => new { c.OrganizationId, c.ExternalId }).IsUnique()
            .HasFilter("external_id IS NOT NULL").HasDatabaseName("ux_contacts_organization_external_id");
        builder.HasIndex(c => new { c.OrganizationId, c.OwnerId, c.CreatedAt, c.Id })
            .HasDatabaseName("ix_contacts_organization_owner");
        builder.HasIndex(c => new { c.OrganizationId, c.CompanyId, c.CreatedAt, c.Id })
            .HasFilter("company_id IS NOT NULL").HasDatabaseName("ix_contacts_organization_company");
        builder.HasIndex(SearchText).HasMethod("gin").HasOperators("gin_trgm_ops").HasDatabaseName("ix_contacts_search_trgm");

        // Two requests changing the same record at once: the second gets 409 concurrent_update, never a lost update.
        builder.Property(r => r.Version).HasColumnName("xmin").HasColumnType("xid").IsRowVersion();
    }
}
