using Crm.Domain.Organizations;
using Crm.Domain.Suppressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Crm.Infrastructure.Data.Configurations;

internal sealed class SuppressionConfiguration : IEntityTypeConfiguration<Suppression>
{
    public void Configure(EntityTypeBuilder<Suppression> builder)
    {
        builder.ToTable("suppressions");
        builder.HasKey(s => s.Id).HasName("suppressions_pkey");
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.Property(s => s.Hash).HasMaxLength(Suppression.HashLength).IsFixedLength();
        builder.Property(s => s.Reason).HasConversion(SnakeCaseEnumConverter<SuppressionReason>.Instance).HasMaxLength(16);
        builder.HasOne<Organization>().WithMany().HasForeignKey(s => s.OrganizationId).OnDelete(DeleteBehavior.Cascade)
            .HasConstraintName("suppressions_organization_id_fkey");

        // One entry per address and organization; the list pages newest first.
        builder.HasIndex(s => new { s.OrganizationId, s.Hash }).IsUnique().HasDatabaseName("ux_suppressions_organization_hash");
        builder.HasIndex(s => new { s.OrganizationId, s.CreatedAt, s.Id }).IsDescending(false, true, true)
            .HasDatabaseName("ix_suppressions_organization_created");
    }
}
