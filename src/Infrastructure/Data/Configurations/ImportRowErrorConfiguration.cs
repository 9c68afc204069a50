using Crm.Domain.Imports;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Crm.Infrastructure.Data.Configurations;

internal sealed class ImportRowErrorConfiguration : IEntityTypeConfiguration<ImportRowError>
{
    public void Configure(EntityTypeBuilder<ImportRowError> builder)
    {
        builder.ToTable("import_errors");
        builder.HasKey(e => new { e.ImportId, e.Row }).HasName("import_errors_pkey");
        builder.Property(e => e.Code).HasMaxLength(64);
        builder.Property(e => e.Detail).HasMaxLength(2_000);
        builder.Property(e => e.Values).HasColumnType("jsonb");
        builder.HasOne<ImportJob>().WithMany().HasForeignKey(e => e.ImportId).OnDelete(DeleteBehavior.Cascade)
            .HasConstraintName("import_errors_import_id_fkey");
    }
}
