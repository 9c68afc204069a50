using Crm.Domain.Changes;
using Crm.Domain.Organizations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Crm.Infrastructure.Data.Configurations;

internal sealed class ChangeFeedPurgeMarkConfiguration : IEntityTypeConfiguration<ChangeFeedPurgeMark>
{
    public void Configure(EntityTypeBuilder<ChangeFeedPurgeMark> builder)
    {
        builder.ToTable("change_feed_purge_marks");
        builder.HasKey(m => new { m.OrganizationId, m.RecordType }).HasName("change_feed_purge_marks_pkey");
        builder.Property(m => m.RecordType).HasConversion<string>().HasMaxLength(16);
        builder.Property(m => m.TransactionId).HasColumnType("xid8");
        builder.HasOne<Organization>().WithMany().HasForeignKey(m => m.OrganizationId)
            .HasConstraintName("change_feed_purge_marks_organization_id_fkey");
    }
}
