using Crm.Domain.Organizations;
using Crm.Domain.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Crm.Infrastructure.Data.Configurations;

internal sealed class OrganizationConfiguration : IEntityTypeConfiguration<Organization>
{
    public void Configure(EntityTypeBuilder<Organization> builder)
    {
        builder.ToTable("organizations");
        builder.Property(o => o.Id).ValueGeneratedNever();
        builder.Property(o => o.Name).HasMaxLength(Organization.NameMaxLength);
        builder.Property(o => o.DefaultCurrency).HasMaxLength(3).IsFixedLength();
        builder.Property(o => o.Plan).HasConversion(SnakeCaseEnumConverter<OrganizationPlan>.Instance).HasMaxLength(16);
        builder.HasMany(o => o.Memberships).WithOne().HasForeignKey(m => m.OrganizationId);
        builder.Navigation(o => o.Memberships).UsePropertyAccessMode(PropertyAccessMode.Field);

        // PostgreSQL's row version: concurrent changes to one organization (and so to its members) conflict.
        builder.Property<uint>("xmin").HasColumnName("xmin").HasColumnType("xid").IsRowVersion();
    }
}

internal sealed class MembershipConfiguration : IEntityTypeConfiguration<Membership>
{
    public void Configure(EntityTypeBuilder<Membership> builder)
    {
        builder.ToTable("memberships");
        builder.HasKey(m => new { m.OrganizationId, m.UserId }).HasName("pk_memberships");
        builder.Property(m => m.Role).HasConversion(SnakeCaseEnumConverter<MemberRole>.Instance).HasMaxLength(16);
        builder.HasOne<User>().WithMany().HasForeignKey(m => m.UserId);
    }
}
