using Crm.Domain.Changes;
using Crm.Domain.Organizations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Crm.Infrastructure.Data.Configurations;

internal sealed class RecordChangeConfiguration : IEntityTypeConfiguration<RecordChange>
{
    public void Configure(EntityTypeBuilder<RecordChange> builder)
    {
        builder.ToTable("record_changes");
        builder.HasKey(c => c.Sequence).HasName("record_changes_pkey");
        builder.Property(c => c.Sequence).UseIdentityAlwaysColumn();
        builder.Property(c => c.RecordType).HasConversion<string>().HasMaxLength(16);
        builder.Property(c => c.Action).HasConversion<string>().HasMaxLength(16);

        // The id of the transaction that inserts the row, taken by PostgreSQL itself.
        builder.Property(c => c.TransactionId).HasColumnType("xid8").HasDefaultValueSql("pg_current_xact_id()")
            .ValueGeneratedOnAdd();

        builder.HasOne<Organization>().WithMany().HasForeignKey(c => c.OrganizationId)
            .HasConstraintName("record_changes_organization_id_fkey");

        // The feed reads one organization in (transaction, sequence) order; retention deletes by time.
        builder.HasIndex(c => new { c.OrganizationId, c.TransactionId, c.Sequence }).HasDatabaseName("ix_record_changes_organization_position");
        builder.HasIndex(c => c.ChangedAt).HasDatabaseName("ix_record_changes_changed_at");
    }
}
