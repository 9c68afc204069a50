using Crm.Domain.ApiKeys;
using Crm.Domain.Organizations;
using Crm.Domain.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Crm.Infrastructure.Data.Configurations;

internal sealed class ApiKeyConfiguration : IEntityTypeConfiguration<ApiKey>
{
    public void Configure(EntityTypeBuilder<ApiKey> builder)
    {
        builder.ToTable("api_keys", t => t.HasCheckConstraint(
            "api_keys_role_check", "role IN ('admin', 'manager', 'member')"));
        builder.HasKey(k => k.Id).HasName("api_keys_pkey");
        builder.Property(k => k.Id).ValueGeneratedNever();
        builder.Property(k => k.Name).HasMaxLength(ApiKey.NameMaxLength);
        builder.Property(k => k.Role).HasConversion(SnakeCaseEnumConverter<MemberRole>.Instance).HasMaxLength(16);
        builder.Property(k => k.Prefix).HasMaxLength(16);
        builder.HasOne<Organization>().WithMany().HasForeignKey(k => k.OrganizationId)
            .HasConstraintName("api_keys_organization_id_fkey");

        // The key's service user shares its id: the user owns what the key creates and is named as its author.
        builder.HasOne<User>().WithOne().HasForeignKey<ApiKey>(k => k.Id).OnDelete(DeleteBehavior.NoAction)
            .HasConstraintName("api_keys_id_fkey");
        builder.HasOne<User>().WithMany().HasForeignKey(k => k.CreatedBy).OnDelete(DeleteBehavior.NoAction)
            .HasConstraintName("api_keys_created_by_fkey");
        builder.HasOne<User>().WithMany().HasForeignKey(k => k.RevokedBy).OnDelete(DeleteBehavior.NoAction)
            .HasConstraintName("api_keys_revoked_by_fkey");

        // No row version: every request's last-use update would make a revocation in flight fail as a conflict, and two
        // revocations agree anyway. Every request with a key looks it up by the hash of its secret.
        builder.HasIndex(k => k.SecretHash).IsUnique().HasDatabaseName("ux_api_keys_secret_hash");
        builder.HasIndex(k => new { k.OrganizationId, k.CreatedAt }).IsDescending(false, true)
            .HasDatabaseName("ix_api_keys_organization");
    }
}
