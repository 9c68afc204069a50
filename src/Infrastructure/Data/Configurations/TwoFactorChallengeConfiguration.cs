using Crm.Domain.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Crm.Infrastructure.Data.Configurations;

internal sealed class TwoFactorChallengeConfiguration : IEntityTypeConfiguration<TwoFactorChallenge>
{
    public void Configure(EntityTypeBuilder<TwoFactorChallenge> builder)
    {
        builder.ToTable("two_factor_challenges");
        builder.HasKey(c => c.Id).HasName("two_factor_challenges_pkey");
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.HasOne<User>().WithMany().HasForeignKey(c => c.UserId).OnDelete(DeleteBehavior.Cascade)
            .HasConstraintName("two_factor_challenges_user_id_fkey");
        builder.HasIndex(c => c.TokenHash).IsUnique().HasDatabaseName("ux_two_factor_challenges_token_hash");
        builder.HasIndex(c => c.ExpiresAt).HasDatabaseName("ix_two_factor_challenges_expires_at");

        // A challenge completed twice at once: only one completion commits.
        builder.Property<uint>("xmin").HasColumnName("xmin").HasColumnType("xid").IsRowVersion();
    }
}
