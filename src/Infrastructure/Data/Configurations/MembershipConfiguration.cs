using Crm.Domain.Organizations;
using Crm.Domain.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Crm.Infrastructure.Data.Configurations;

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
