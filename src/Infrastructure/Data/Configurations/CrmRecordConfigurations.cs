using Crm.Domain.Activities;
using Crm.Domain.Contacts;
using Crm.Domain.Deals;
using Crm.Domain.Organizations;
using Crm.Domain.Tasks;
using Crm.Domain.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Crm.Infrastructure.Data.Configurations;

internal sealed class ContactConfiguration : IEntityTypeConfiguration<Contact>
{
    /// <summary>The generated, accent- and case-folded text that contact search matches (see the migration).</summary>
    public const string SearchText = "SearchText";

    public void Configure(EntityTypeBuilder<Contact> builder)
    {
        builder.ToTable("contacts");
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Property(c => c.Name).HasMaxLength(Contact.NameMaxLength);
        builder.Property(c => c.Email).HasMaxLength(Contact.EmailMaxLength);
        builder.Property(c => c.NormalizedEmail).HasMaxLength(Contact.EmailMaxLength);
        builder.Property(c => c.Phone).HasMaxLength(Contact.PhoneMaxLength);
        builder.Property<string>(SearchText)
            .HasComputedColumnSql("crm_unaccent(lower(name || ' ' || coalesce(email, '')))", stored: true);
        builder.HasOne<Organization>().WithMany().HasForeignKey(c => c.OrganizationId);
        builder.HasOne<User>().WithMany().HasForeignKey(c => c.OwnerId).OnDelete(DeleteBehavior.NoAction);
        builder.Ignore(c => c.DomainEvents);

        // Two requests changing the same record at once: the second gets 409 concurrent_update, never a lost update.
        builder.Property<uint>("xmin").HasColumnName("xmin").HasColumnType("xid").IsRowVersion();
    }
}

internal sealed class DealConfiguration : IEntityTypeConfiguration<Deal>
{
    public void Configure(EntityTypeBuilder<Deal> builder)
    {
        builder.ToTable("deals");
        builder.Property(d => d.Id).ValueGeneratedNever();
        builder.Property(d => d.Title).HasMaxLength(Deal.TitleMaxLength);
        builder.Property(d => d.Amount).HasPrecision(18, 2);
        builder.Property(d => d.Currency).HasMaxLength(3).IsFixedLength();
        builder.Property(d => d.Status).HasConversion(SnakeCaseEnumConverter<DealStatus>.Instance).HasMaxLength(16);
        builder.Property(d => d.Stage).HasConversion(SnakeCaseEnumConverter<DealStage>.Instance).HasMaxLength(16);
        builder.HasOne<Contact>().WithMany()
            .HasForeignKey(d => new { d.OrganizationId, d.ContactId })
            .HasPrincipalKey(c => new { c.OrganizationId, c.Id })
            .HasConstraintName("fk_deals_contact")
            .OnDelete(DeleteBehavior.NoAction);
        builder.HasOne<Organization>().WithMany().HasForeignKey(d => d.OrganizationId);
        builder.HasOne<User>().WithMany().HasForeignKey(d => d.OwnerId).OnDelete(DeleteBehavior.NoAction);
        builder.Ignore(d => d.DomainEvents);

        // Two requests changing the same record at once: the second gets 409 concurrent_update, never a lost update.
        builder.Property<uint>("xmin").HasColumnName("xmin").HasColumnType("xid").IsRowVersion();
    }
}

internal sealed class DealTaskConfiguration : IEntityTypeConfiguration<DealTask>
{
    public void Configure(EntityTypeBuilder<DealTask> builder)
    {
        builder.ToTable("tasks");
        builder.Property(t => t.Id).ValueGeneratedNever();
        builder.Property(t => t.Title).HasMaxLength(DealTask.TitleMaxLength);
        builder.Property(t => t.Description).HasMaxLength(DealTask.DescriptionMaxLength);
        builder.HasOne<Deal>().WithMany()
            .HasForeignKey(t => new { t.OrganizationId, t.DealId })
            .HasPrincipalKey(d => new { d.OrganizationId, d.Id })
            .OnDelete(DeleteBehavior.Cascade);
        builder.Ignore(t => t.DomainEvents);

        // Two requests changing the same record at once: the second gets 409 concurrent_update, never a lost update.
        builder.Property<uint>("xmin").HasColumnName("xmin").HasColumnType("xid").IsRowVersion();
    }
}

internal sealed class ActivityConfiguration : IEntityTypeConfiguration<Activity>
{
    public void Configure(EntityTypeBuilder<Activity> builder)
    {
        builder.ToTable("activities");
        builder.Property(a => a.Id).ValueGeneratedNever();
        builder.Property(a => a.Type).HasConversion(SnakeCaseEnumConverter<ActivityType>.Instance).HasMaxLength(32);
        builder.Property(a => a.Payload).HasColumnType("jsonb");
        builder.HasOne<User>().WithMany().HasForeignKey(a => a.AuthorId).OnDelete(DeleteBehavior.NoAction);
        builder.HasOne<Deal>().WithMany()
            .HasForeignKey(a => new { a.OrganizationId, a.DealId })
            .HasPrincipalKey(d => new { d.OrganizationId, d.Id })
            .OnDelete(DeleteBehavior.Cascade);
    }
}
