using Crm.Domain.Exports;
using Crm.Domain.Organizations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Crm.Infrastructure.Data.Configurations;

internal sealed class ExportJobConfiguration : IEntityTypeConfiguration<ExportJob>
{
    public void Configure(EntityTypeBuilder<ExportJob> builder)
    {
        builder.ToTable("export_jobs", t => t.HasCheckConstraint(
            "export_jobs_status_check", "status IN ('queued', 'running', 'succeeded', 'failed')"));
        builder.HasKey(e => e.Id).HasName("export_jobs_pkey");
        builder.Property(e => e.Id).ValueGeneratedNever();
        builder.Property(e => e.RequestedByType).HasConversion(SnakeCaseEnumConverter<Domain.Auditing.ActorType>.Instance).HasMaxLength(16);
        builder.Property(e => e.RecordType).HasConversion(SnakeCaseEnumConverter<ExportRecordType>.Instance).HasMaxLength(16);
        builder.Property(e => e.Format).HasConversion(SnakeCaseEnumConverter<ExportFormat>.Instance).HasMaxLength(8);
        builder.Property(e => e.Status).HasConversion(SnakeCaseEnumConverter<ExportStatus>.Instance).HasMaxLength(16);
        builder.Property(e => e.Filters).HasColumnType("jsonb");
        builder.Property(e => e.Query).HasColumnType("jsonb");
        builder.Property(e => e.FileKey).HasMaxLength(300);
        builder.Property(e => e.ErrorCode).HasMaxLength(64);
        builder.HasOne<Organization>().WithMany().HasForeignKey(e => e.OrganizationId).OnDelete(DeleteBehavior.Cascade)
            .HasConstraintName("export_jobs_organization_id_fkey");

        // The list (an organization's, newest first) and the runners' claim (what is queued or whose lease ran out).
        builder.HasIndex(e => new { e.OrganizationId, e.CreatedAt, e.Id }).IsDescending(false, true, true)
            .HasDatabaseName("ix_export_jobs_organization");
        builder.HasIndex(e => e.CreatedAt).HasFilter("status IN ('queued', 'running')").HasDatabaseName("ix_export_jobs_active");
        builder.HasIndex(e => e.ExpiresAt).HasFilter("file_key IS NOT NULL").HasDatabaseName("ix_export_jobs_expiring");
    }
}
