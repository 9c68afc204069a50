using Crm.Domain.Sessions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Crm.Infrastructure.Data.Configurations;

internal sealed class RefreshTokenConfiguration : IEntityTypeConfiguration<RefreshToken>
{
    public void Configure(EntityTypeBuilder<RefreshToken> builder)
    {
        builder.ToTable("refresh_tokens");
        builder.HasKey(t => t.Id).HasName("refresh_tokens_pkey");
        builder.Property(t => t.Id).ValueGeneratedNever();
        builder.HasIndex(t => t.TokenHash).IsUnique().HasDatabaseName("ux_refresh_tokens_token_hash");
        builder.HasIndex(t => t.SessionId).HasDatabaseName("ix_refresh_tokens_session_id");
        builder.HasOne<UserSession>().WithMany().HasForeignKey(t => t.SessionId)
            .HasConstraintName("refresh_tokens_session_id_fkey");

        // A token redeemed twice at the same moment: only one redemption commits.
        builder.Property<uint>("xmin").HasColumnName("xmin").HasColumnType("xid").IsRowVersion();
    }
}
