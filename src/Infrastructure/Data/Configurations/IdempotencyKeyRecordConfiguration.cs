using Crm.Application.Common.Idempotency;
using Crm.Infrastructure.Idempotency;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Crm.Infrastructure.Data.Configurations;

internal sealed class IdempotencyKeyRecordConfiguration : IEntityTypeConfiguration<IdempotencyKeyRecord>
{
    public void Configure(EntityTypeBuilder<IdempotencyKeyRecord> builder)
    {
        builder.ToTable("idempotency_keys");
        builder.HasKey(k => new { k.CallerId, k.OrganizationId, k.Key }).HasName("idempotency_keys_pkey");
        builder.Property(k => k.Key).HasMaxLength(IdempotencyKeys.MaxLength);
        builder.Property(k => k.Fingerprint).HasMaxLength(32);

        // The purge deletes by expiry.
        builder.HasIndex(k => k.ExpiresAt).HasDatabaseName("ix_idempotency_keys_expires_at");
    }
}
