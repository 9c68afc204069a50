using Crm.Domain.Attachments;
using Crm.Domain.Contacts;
using Crm.Domain.Deals;
using Crm.Domain.Organizations;
using Crm.Domain.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Crm.Infrastructure.Data.Configurations;

internal sealed class AttachmentConfiguration : IEntityTypeConfiguration<Attachment>
{
    public void Configure(EntityTypeBuilder<Attachment> builder)
    {
        builder.ToTable("attachments", t =>
        {
            t.HasCheckConstraint("attachments_size_check", "size > 0");
            t.HasCheckConstraint("ck_attachments_one_record", "(contact_id IS NULL) <> (deal_id IS NULL)");
        });
        builder.HasKey(a => a.Id).HasName("attachments_pkey");
        builder.Property(a => a.Id).ValueGeneratedNever();
        builder.Property(a => a.FileName).HasMaxLength(Attachment.FileNameMaxLength);
        builder.Property(a => a.ContentType).HasMaxLength(100);
        builder.Property(a => a.Sha256).HasMaxLength(64).IsFixedLength();
        builder.Property(a => a.StorageKey).HasMaxLength(200);
        builder.HasOne<Organization>().WithMany().HasForeignKey(a => a.OrganizationId)
            .HasConstraintName("attachments_organization_id_fkey");
        builder.HasOne<User>().WithMany().HasForeignKey(a => a.UploadedBy).OnDelete(DeleteBehavior.NoAction)
            .HasConstraintName("attachments_uploaded_by_fkey");
        builder.HasOne<Contact>().WithMany()
            .HasForeignKey(a => new { a.OrganizationId, a.ContactId })
            .HasPrincipalKey(c => new { c.OrganizationId, c.Id })
            .HasConstraintName("fk_attachments_contact")
            .OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Deal>().WithMany()
            .HasForeignKey(a => new { a.OrganizationId, a.DealId })
            .HasPrincipalKey(d => new { d.OrganizationId, d.Id })
            .HasConstraintName("fk_attachments_deal")
            .OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(a => new { a.ContactId, a.CreatedAt }).IsDescending(false, true).HasFilter("contact_id IS NOT NULL")
            .HasDatabaseName("ix_attachments_contact");
        builder.HasIndex(a => new { a.DealId, a.CreatedAt }).IsDescending(false, true).HasFilter("deal_id IS NOT NULL")
            .HasDatabaseName("ix_attachments_deal");

        // The storage quota sums an organization's sizes from this index alone.
        builder.HasIndex(a => a.OrganizationId).IncludeProperties(a => a.Size).HasDatabaseName("ix_attachments_organization_size");
    }
}
