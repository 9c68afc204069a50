using Crm.Domain.Auditing;
using Crm.Domain.Organizations;
using Crm.Domain.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Crm.Infrastructure.Data.Configurations;

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        // Append-only: the migration adds the trigger that refuses updates and deletes outside the retention job.
        builder.ToTable("audit_logs");
        builder.HasKey(e => e.Id).HasName("audit_logs_pkey");
        builder.Property(e => e.Id).ValueGeneratedNever();
        builder.Property(e => e.ActorType).HasConversion(SnakeCaseEnumConverter<ActorType>.Instance).HasMaxLength(16)
            .HasDefaultValue(ActorType.User).ValueGeneratedNever();
        builder.Property(e => e.Action).HasMaxLength(64);
        builder.Property(e => e.EntityType).HasMaxLength(32);
        builder.Property(e => e.Changes).HasColumnType("jsonb").HasDefaultValueSql("'[]'").ValueGeneratedNever();
        builder.Property(e => e.ClientAddress).HasMaxLength(64);
        builder.Property(e => e.UserAgent).HasMaxLength(512);
        builder.Property(e => e.TraceId).HasMaxLength(64);
        builder.HasOne<Organization>().WithMany().HasForeignKey(e => e.OrganizationId).OnDelete(DeleteBehavior.NoAction)
            .HasConstraintName("audit_logs_organization_id_fkey");
        builder.HasOne<User>().WithMany().HasForeignKey(e => e.ActorId).OnDelete(DeleteBehavior.NoAction)
            .HasConstraintName("audit_logs_actor_id_fkey");
        builder.HasIndex(e => new { e.OrganizationId, e.CreatedAt, e.Id }).IsDescending(false, true, true)
            .HasDatabaseName("ix_audit_logs_organization_time");
        builder.HasIndex(e => new { e.ActorId, e.CreatedAt, e.Id }).IsDescending(false, true, true)
            .HasDatabaseName("ix_audit_logs_actor_time");
        builder.HasIndex(e => new { e.OrganizationId, e.EntityType, e.EntityId, e.CreatedAt })
            .IsDescending(false, false, false, true).HasDatabaseName("ix_audit_logs_entity");
        builder.HasIndex(e => e.CreatedAt).HasDatabaseName("ix_audit_logs_created");
    }
}
