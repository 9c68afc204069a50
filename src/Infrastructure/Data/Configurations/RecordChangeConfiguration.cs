using Crm.Domain.Changes;
using Crm.Domain.Organizations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Crm.Infrastructure.Data.Configurations;

internal sealed class RecordChangeConfiguration : IEntityTypeConfiguration<RecordChange>
{
    /// <summary>The rows of committed transactions only (see the ChangeFeed migration): what every query reads.</summary>
    public const string SettledView = "settled_record_changes";

    public void Configure(EntityTypeBuilder<RecordChange> builder)
    {
        // Rows are written by the record tables' triggers; queries read them through the view, which hides the rows of
        // every transaction from the oldest one still running on, so a reader never passes a row still to commit.
        builder.ToTable("record_changes");
        builder.ToView(SettledView);
        builder.HasKey(c => c.Sequence).HasName("record_changes_pkey");
        builder.Property(c => c.Sequence).UseIdentityAlwaysColumn();
        builder.Property(c => c.RecordType).HasConversion<string>().HasMaxLength(16);
        builder.Property(c => c.Action).HasConversion<string>().HasMaxLength(16);
        builder.Property(c => c.ChangedAt).HasDefaultValueSql("now()");

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
