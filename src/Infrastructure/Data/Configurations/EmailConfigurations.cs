using Crm.Domain.Email;
using Crm.Domain.Invitations;
using Crm.Domain.Organizations;
using Crm.Domain.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Crm.Infrastructure.Data.Configurations;

internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> builder)
    {
        builder.ToTable("outbox_messages", t => t.HasCheckConstraint(
            "outbox_messages_status_check", "status IN ('pending', 'sending', 'sent', 'failed')"));
        builder.HasKey(m => m.Id).HasName("outbox_messages_pkey");
        builder.Property(m => m.Id).ValueGeneratedNever();
        builder.Property(m => m.Template).HasMaxLength(32);
        builder.Property(m => m.Recipient).HasMaxLength(254);
        builder.Property(m => m.Status).HasConversion(SnakeCaseEnumConverter<OutboxStatus>.Instance).HasMaxLength(16);
        builder.Property(m => m.Attempts).HasDefaultValue(0).ValueGeneratedNever();
        builder.HasOne<Organization>().WithMany().HasForeignKey(m => m.OrganizationId).OnDelete(DeleteBehavior.Cascade)
            .HasConstraintName("outbox_messages_organization_id_fkey");
        builder.HasIndex(m => m.NextAttemptAt).HasFilter("status IN ('pending', 'sending')")
            .HasDatabaseName("ix_outbox_messages_due");
        builder.HasIndex(m => new { m.OrganizationId, m.CreatedAt, m.Id }).IsDescending(false, true, true)
            .HasDatabaseName("ix_outbox_messages_organization");
    }
}

internal sealed class PasswordResetTokenConfiguration : IEntityTypeConfiguration<PasswordResetToken>
{
    public void Configure(EntityTypeBuilder<PasswordResetToken> builder)
    {
        builder.ToTable("password_reset_tokens");
        builder.HasKey(t => t.Id).HasName("password_reset_tokens_pkey");
        builder.Property(t => t.Id).ValueGeneratedNever();
        builder.HasOne<User>().WithMany().HasForeignKey(t => t.UserId)
            .HasConstraintName("password_reset_tokens_user_id_fkey");
        builder.HasIndex(t => t.TokenHash).IsUnique().HasDatabaseName("ux_password_reset_tokens_hash");

        // A token spent twice at once: only one reset commits.
        builder.Property<uint>("xmin").HasColumnName("xmin").HasColumnType("xid").IsRowVersion();
    }
}

internal sealed class InvitationConfiguration : IEntityTypeConfiguration<Invitation>
{
    public void Configure(EntityTypeBuilder<Invitation> builder)
    {
        builder.ToTable("invitations", t => t.HasCheckConstraint(
            "invitations_role_check", "role IN ('owner', 'admin', 'manager', 'member')"));
        builder.HasKey(i => i.Id).HasName("invitations_pkey");
        builder.Property(i => i.Id).ValueGeneratedNever();
        builder.Property(i => i.Email).HasMaxLength(254);
        builder.Property(i => i.NormalizedEmail).HasMaxLength(254);
        builder.Property(i => i.Role).HasConversion(SnakeCaseEnumConverter<MemberRole>.Instance).HasMaxLength(16);
        builder.HasOne<Organization>().WithMany().HasForeignKey(i => i.OrganizationId)
            .HasConstraintName("invitations_organization_id_fkey");
        builder.HasOne<User>().WithMany().HasForeignKey(i => i.InvitedBy).OnDelete(DeleteBehavior.NoAction)
            .HasConstraintName("invitations_invited_by_fkey");
        builder.HasIndex(i => i.TokenHash).IsUnique().HasDatabaseName("ux_invitations_token_hash");
        builder.HasIndex(i => new { i.OrganizationId, i.NormalizedEmail }).IsUnique().HasFilter("accepted_at IS NULL")
            .HasDatabaseName("ux_invitations_pending");
        builder.Property<uint>("xmin").HasColumnName("xmin").HasColumnType("xid").IsRowVersion();
    }
}
