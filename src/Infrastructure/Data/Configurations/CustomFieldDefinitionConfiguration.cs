using Crm.Domain.CustomFields;
using Crm.Domain.CustomFields.Rules;
using Crm.Domain.Organizations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Crm.Infrastructure.Data.Configurations;

internal sealed class CustomFieldDefinitionConfiguration : IEntityTypeConfiguration<CustomFieldDefinition>
{
    public void Configure(EntityTypeBuilder<CustomFieldDefinition> builder)
    {
        builder.ToTable("custom_field_definitions");
        builder.HasKey(d => d.Id).HasName("custom_field_definitions_pkey");
        builder.Property(d => d.Id).ValueGeneratedNever();
        builder.Property(d => d.RecordType).HasConversion(SnakeCaseEnumConverter<CustomFieldRecordType>.Instance).HasMaxLength(16);
        builder.Property(d => d.Type).HasConversion(SnakeCaseEnumConverter<CustomFieldType>.Instance).HasMaxLength(16);
        builder.Property(d => d.Key).HasMaxLength(CustomFieldKeyIsValid.MaxLength);
        builder.Property(d => d.Label).HasMaxLength(CustomFieldShape.LabelMaxLength);
        builder.Property(d => d.Options).HasColumnType("text[]");
        builder.Property(d => d.Currency).HasMaxLength(3);
        builder.Property(d => d.Version).HasColumnName("xmin").HasColumnType("xid").IsRowVersion();
        builder.HasOne<Organization>().WithMany().HasForeignKey(d => d.OrganizationId).OnDelete(DeleteBehavior.Cascade)
            .HasConstraintName("custom_field_definitions_organization_id_fkey");

        // The unique key is what refuses the second of two parallel creates (409 custom_field_key_taken).
        builder.HasIndex(d => new { d.OrganizationId, d.RecordType, d.Key }).IsUnique()
            .HasDatabaseName("ux_custom_field_definitions_key");
    }
}
