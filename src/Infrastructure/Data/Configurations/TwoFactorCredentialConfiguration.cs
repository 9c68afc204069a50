using Crm.Domain.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Crm.Infrastructure.Data.Configurations;

internal sealed class TwoFactorCredentialConfiguration : IEntityTypeConfiguration<TwoFactorCredential>
{
    public void Configure(EntityTypeBuilder<TwoFactorCredential> builder)
    {
        builder.ToTable("two_factor_credentials");
        builder.HasKey(c => c.Id).HasName("two_factor_credentials_pkey");
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.HasOne<User>().WithMany().HasForeignKey(c => c.UserId).OnDelete(DeleteBehavior.Cascade)
            .HasConstraintName("two_factor_credentials_user_id_fkey");
        builder.HasIndex(c => c.UserId).IsUnique().HasDatabaseName("ux_two_factor_credentials_user_id");
        builder.Property(c => c.SecretCiphertext).HasMaxLength(256);
        builder.Property(c => c.RecoveryCodeHashes).HasColumnType("text[]");

        // Two parallel uses of one code (or recovery code): only one commits its step.
        builder.Property<uint>("xmin").HasColumnName("xmin").HasColumnType("xid").IsRowVersion();
    }
}
