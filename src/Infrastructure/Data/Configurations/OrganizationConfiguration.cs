using Crm.Domain.Organizations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Crm.Infrastructure.Data.Configurations;

internal sealed class OrganizationConfiguration : IEntityTypeConfiguration<Organization>
{
    public void Configure(EntityTypeBuilder<Organization> builder)
    {
        builder.ToTable("organizations", t => t.HasCheckConstraint(
            "organizations_plan_check", "plan IN ('free', 'pro', 'enterprise')"));
        builder.HasKey(o => o.Id).HasName("organizations_pkey");
        builder.Property(o => o.Id).ValueGeneratedNever();
        builder.Ignore(o => o.DomainEvents);
        builder.Property(o => o.Name).HasMaxLength(Organization.NameMaxLength);
        builder.Property(o => o.DefaultCurrency).HasMaxLength(3).IsFixedLength();
        // Always written by the application; the default served the rows that predate plans.
        builder.Property(o => o.Plan).HasConversion(SnakeCaseEnumConverter<OrganizationPlan>.Instance).HasMaxLength(16)
            .HasDefaultValue(OrganizationPlan.Free).ValueGeneratedNever();
        builder.Property(o => o.RequireTwoFactor).HasDefaultValue(false).ValueGeneratedNever();
        builder.Property(o => o.TimeZone).HasMaxLength(OrganizationTimeZones.MaxLength)
            .HasDefaultValue(OrganizationTimeZones.Default).ValueGeneratedNever();
        builder.Property(o => o.SuspendedAt);
        builder.ComplexProperty(o => o.StageProbabilities, p =>
        {
            p.Property(s => s.Qualification).HasColumnName("stage_probability_qualification")
                .HasDefaultValue(StageProbabilities.Default.Qualification).ValueGeneratedNever();
            p.Property(s => s.Proposal).HasColumnName("stage_probability_proposal")
                .HasDefaultValue(StageProbabilities.Default.Proposal).ValueGeneratedNever();
            p.Property(s => s.Negotiation).HasColumnName("stage_probability_negotiation")
                .HasDefaultValue(StageProbabilities.Default.Negotiation).ValueGeneratedNever();
        });
        builder.HasColumnsInOrder(
            nameof(Organization.Id), nameof(Organization.Name), nameof(Organization.DefaultCurrency),
            nameof(Organization.CreatedAt), nameof(Organization.UpdatedAt), nameof(Organization.Plan),
            nameof(Organization.RequireTwoFactor), nameof(Organization.TimeZone), nameof(Organization.SuspendedAt));
        builder.HasMany(o => o.Memberships).WithOne().HasForeignKey(m => m.OrganizationId)
            .HasConstraintName("memberships_organization_id_fkey");
        builder.Navigation(o => o.Memberships).UsePropertyAccessMode(PropertyAccessMode.Field);

        // PostgreSQL's row version: concurrent changes to one organization (and so to its members) conflict.
        builder.Property<uint>("xmin").HasColumnName("xmin").HasColumnType("xid").IsRowVersion();
    }
}
