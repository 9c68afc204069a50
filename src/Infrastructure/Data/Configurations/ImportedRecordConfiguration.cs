using Crm.Domain.Imports;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Crm.Infrastructure.Data.Configurations;

internal sealed class ImportedRecordConfiguration : IEntityTypeConfiguration<ImportedRecord>
{
    public void Configure(EntityTypeBuilder<ImportedRecord> builder)
    {
        builder.ToTable("import_records");
        builder.HasKey(e => new { e.ImportId, e.RecordId }).HasName("import_records_pkey");
        builder.Property(e => e.Action).HasConversion(SnakeCaseEnumConverter<ImportRecordAction>.Instance).HasMaxLength(16);
        builder.Property(e => e.Changes).HasColumnType("jsonb");
        builder.HasOne<ImportJob>().WithMany().HasForeignKey(e => e.ImportId).OnDelete(DeleteBehavior.Cascade)
            .HasConstraintName("import_records_import_id_fkey");
    }
}
