using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Crm.Infrastructure.Data.Configurations;

internal sealed class CacheTagConfiguration : IEntityTypeConfiguration<CacheTag>
{
    public void Configure(EntityTypeBuilder<CacheTag> builder)
    {
        builder.ToTable("cache_tags");
        builder.HasKey(t => t.Tag).HasName("cache_tags_pkey");
        builder.Property(t => t.Tag).HasMaxLength(200);
    }
}
