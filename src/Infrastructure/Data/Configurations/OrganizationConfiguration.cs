using Crm.Domain.Organizations;
using Crm.Domain.Users;
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
        builder.Property(o => o.Name).HasMaxLength(Organization.NameMaxLength);
        builder.Property(o => o.DefaultCurrency).HasMaxLength(3).IsFixedLength();
        // Always written by the application; the default served the rows that predate plans.
        builder.Property(o => o.Plan).HasConversion(SnakeCaseEnumConverter<OrganizationPlan>.Instance).HasMaxLength(16)
            .HasDefaultValue(OrganizationPlan.Free).ValueGeneratedNever();
        builder.HasColumnsInOrder(
            nameof(Organization.Id), nameof(Organization.Name), nameof(Organization.DefaultCurrency),
            nameof(Organization.CreatedAt), nameof(Organization.UpdatedAt), nameof(Organization.Plan));
        builder.HasMany(o => o.Memberships).WithOne().HasForeignKey(m => m.OrganizationId)
            .HasConstraintName("memberships_organization_id_fkey");
        builder.Navigation(o => o.Memberships).UsePropertyAccessMode(PropertyAccessMode.Field);

        // PostgreSQL's row version: concurrent changes to one organization (and so to its members) conflict.
        builder.Property<uint>("xmin").HasColumnName("xmin").HasColumnType("xid").IsRowVersion();
    }
}

internal sealed class MembershipConfiguration : IEntityTypeConfiguration<Membership>
{
    public void Configure(EntityTypeBuilder<Membership> builder)
    {
        builder.ToTable("memberships", t => t.HasCheckConstraint(
            "memberships_role_check", "role IN ('owner', 'admin', 'manager', 'member')"));
        builder.HasKey(m => new { m.OrganizationId, m.UserId }).HasName("pk_memberships");
        builder.Property(m => m.Role).HasConversion(SnakeCaseEnumConverter<MemberRole>.Instance).HasMaxLength(16);
        builder.HasOne<User>().WithMany().HasForeignKey(m => m.UserId).HasConstraintName("memberships_user_id_fkey");
        builder.HasIndex(m => new { m.UserId, m.OrganizationId }).IncludeProperties(m => m.Role)
            .HasDatabaseName("ix_memberships_user_id");
    }
}
