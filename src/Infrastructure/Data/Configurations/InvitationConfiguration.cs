using Crm.Domain.Invitations;
using Crm.Domain.Organizations;
using Crm.Domain.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Crm.Infrastructure.Data.Configurations;

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
        builder.HasIndex(i => new { i.OrganizationId, i.NormalizedEmail }).IsUnique().HasFilter("accepted_at IS NULL AND declined_at IS NULL AND revoked_at IS NULL")
            .HasDatabaseName("ux_invitations_pending");
        // An invited person's own list looks its address up across organizations.
        builder.HasIndex(i => i.NormalizedEmail).HasFilter("accepted_at IS NULL AND declined_at IS NULL AND revoked_at IS NULL")
            .HasDatabaseName("ix_invitations_pending_email");
        builder.Property<uint>("xmin").HasColumnName("xmin").HasColumnType("xid").IsRowVersion();
    }
}
