using Crm.Domain.Imports;
using Crm.Domain.Organizations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Crm.Infrastructure.Data.Configurations;

internal sealed class ImportJobConfiguration : IEntityTypeConfiguration<ImportJob>
{
    public void Configure(EntityTypeBuilder<ImportJob> builder)
    {
        builder.ToTable("import_jobs", t => t.HasCheckConstraint(
            "import_jobs_status_check", "status IN ('queued', 'running', 'succeeded', 'failed', 'reverted')"));
        builder.HasKey(e => e.Id).HasName("import_jobs_pkey");
        builder.Property(e => e.Id).ValueGeneratedNever();
        builder.Property(e => e.RequestedByType).HasConversion(SnakeCaseEnumConverter<Domain.Auditing.ActorType>.Instance).HasMaxLength(16);
        builder.Property(e => e.RecordType).HasConversion(SnakeCaseEnumConverter<ImportRecordType>.Instance).HasMaxLength(16);
        builder.Property(e => e.Format).HasConversion(SnakeCaseEnumConverter<ImportFileFormat>.Instance).HasMaxLength(8);
        builder.Property(e => e.Mode).HasConversion(SnakeCaseEnumConverter<ImportMode>.Instance).HasMaxLength(8);
        builder.Property(e => e.MatchOn).HasConversion(SnakeCaseEnumConverter<ImportMatch>.Instance).HasMaxLength(16);
        builder.Property(e => e.Status).HasConversion(SnakeCaseEnumConverter<ImportStatus>.Instance).HasMaxLength(16);
        builder.Property(e => e.FileName).HasMaxLength(255);
        builder.Property(e => e.FileKey).HasMaxLength(300);
        builder.Property(e => e.Headers).HasColumnType("jsonb");
        builder.Property(e => e.Mapping).HasColumnType("jsonb");
        builder.Property(e => e.ErrorCode).HasMaxLength(64);
        builder.HasOne<Organization>().WithMany().HasForeignKey(e => e.OrganizationId).OnDelete(DeleteBehavior.Cascade)
            .HasConstraintName("import_jobs_organization_id_fkey");

        // The list (an organization's, newest first) and the runners' claim (what is queued or whose lease ran out).
        builder.HasIndex(e => new { e.OrganizationId, e.CreatedAt, e.Id }).IsDescending(false, true, true)
            .HasDatabaseName("ix_import_jobs_organization");
        builder.HasIndex(e => e.CreatedAt).HasFilter("status IN ('queued', 'running')").HasDatabaseName("ix_import_jobs_active");
    }
}
