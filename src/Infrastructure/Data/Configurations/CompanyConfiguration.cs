using Crm.Domain.Companies;
using Crm.Domain.Organizations;
using Crm.Domain.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Crm.Infrastructure.Data.Configurations;

internal sealed class CompanyConfiguration : IEntityTypeConfiguration<Company>
{
    /// <summary>The generated, accent- and case-folded text that company search matches (see the migration).</summary>
    public const string SearchText = "SearchText";

    public void Configure(EntityTypeBuilder<Company> builder)
    {
        builder.ToTable("companies", t =>
            t.HasCheckConstraint("ck_companies_employee_count", $"employee_count BETWEEN 0 AND {Company.EmployeeCountMax}"));
        builder.HasKey(c => c.Id).HasName("companies_pkey");
        builder.HasAlternateKey(c => new { c.OrganizationId, c.Id }).HasName("ux_companies_organization_id_id");
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Property(c => c.Name).HasMaxLength(Company.NameMaxLength);
        builder.Property(c => c.Domain).HasMaxLength(CompanyDomain.MaxLength);
        builder.Property(c => c.Industry).HasMaxLength(Company.IndustryMaxLength);
        builder.Property(c => c.Website).HasMaxLength(Company.WebsiteMaxLength);
        builder.Property(c => c.Phone).HasMaxLength(Company.PhoneMaxLength);
        builder.OwnsOne(c => c.Address, address =>
        {
            address.Property(a => a.Line1).HasColumnName("address_line1").HasMaxLength(CompanyAddress.LineMaxLength);
            address.Property(a => a.Line2).HasColumnName("address_line2").HasMaxLength(CompanyAddress.LineMaxLength);
            address.Property(a => a.City).HasColumnName("address_city").HasMaxLength(CompanyAddress.CityMaxLength);
            address.Property(a => a.Region).HasColumnName("address_region").HasMaxLength(CompanyAddress.RegionMaxLength);
            address.Property(a => a.PostalCode).HasColumnName("address_postal_code")
                .HasMaxLength(CompanyAddress.PostalCodeMaxLength);
            address.Property(a => a.Country).HasColumnName("address_country").HasMaxLength(2).IsFixedLength();
        });
        builder.Property<string>(SearchText)
            .HasComputedColumnSql("crm_unaccent(lower(name || ' ' || coalesce(domain, '') || ' ' || " + CustomFieldColumns.SearchableText + "))", stored: true);
        builder.HasOne<Organization>().WithMany().HasForeignKey(c => c.OrganizationId)
            .HasConstraintName("companies_organization_id_fkey");
        builder.HasOne<User>().WithMany().HasForeignKey(c => c.OwnerId).OnDelete(DeleteBehavior.NoAction)
            .HasConstraintName("companies_owner_id_fkey");
        builder.Ignore(c => c.DomainEvents);
        builder.HasTags("companies");
        builder.HasCustomFields("companies");

        // The unique domain is what refuses the second of two parallel creates (409 company_domain_taken).
        builder.HasIndex(c => new { c.OrganizationId, c.Domain }).IsUnique()
            .HasFilter("domain IS NOT NULL").HasDatabaseName("ux_companies_organization_domain");
        builder.HasIndex(c => new { c.OrganizationId, c.CreatedAt, c.Id }).HasDatabaseName("ix_companies_organization_created");
        builder.HasIndex(c => new { c.OrganizationId, c.OwnerId, c.CreatedAt, c.Id })
            .HasDatabaseName("ix_companies_organization_owner");
        builder.HasIndex(SearchText).HasMethod("gin").HasOperators("gin_trgm_ops").HasDatabaseName("ix_companies_search_trgm");

        // Two requests changing the same record at once: the second gets 409 concurrent_update, never a lost update.
        builder.Property(r => r.Version).HasColumnName("xmin").HasColumnType("xid").IsRowVersion();
    }
}
