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
        builder.ToTable("attachments");
        builder.Property(a => a.Id).ValueGeneratedNever();
        builder.Property(a => a.FileName).HasMaxLength(Attachment.FileNameMaxLength);
        builder.Property(a => a.ContentType).HasMaxLength(100);
        builder.Property(a => a.Sha256).HasMaxLength(64).IsFixedLength();
        builder.Property(a => a.StorageKey).HasMaxLength(200);
        builder.HasOne<Organization>().WithMany().HasForeignKey(a => a.OrganizationId);
        builder.HasOne<User>().WithMany().HasForeignKey(a => a.UploadedBy).OnDelete(DeleteBehavior.NoAction);
        builder.HasOne<Contact>().WithMany()
            .HasForeignKey(a => new { a.OrganizationId, a.ContactId })
            .HasPrincipalKey(c => new { c.OrganizationId, c.Id })
            .OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Deal>().WithMany()
            .HasForeignKey(a => new { a.OrganizationId, a.DealId })
            .HasPrincipalKey(d => new { d.OrganizationId, d.Id })
            .OnDelete(DeleteBehavior.Cascade);
    }
}
