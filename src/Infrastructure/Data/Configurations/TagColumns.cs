using Crm.Domain.Records;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Crm.Infrastructure.Data.Configurations;

/// <summary>
/// The tag columns of contacts, companies and deals: the tags as stored (text[]) and their keys (text[], lower
/// case), whose GIN index serves <c>tag=</c> filters (<c>tag_keys &amp;&amp; array[...]</c>) without reading other rows.
/// </summary>
internal static class TagColumns
{
    public static void HasTags<T>(this EntityTypeBuilder<T> builder, string table)
        where T : OwnedRecord
    {
        builder.Property(r => r.Tags).HasColumnType("text[]").HasDefaultValueSql("'{}'::text[]");
        builder.Property(r => r.TagKeys).HasColumnType("text[]").HasDefaultValueSql("'{}'::text[]");
        builder.HasIndex(r => r.TagKeys).HasMethod("gin").HasDatabaseName($"ix_{table}_tag_keys");
    }
}
