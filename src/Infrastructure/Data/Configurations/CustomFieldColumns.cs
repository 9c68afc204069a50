using Crm.Domain.Records;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Crm.Infrastructure.Data.Configurations;

/// <summary>
/// The custom field values of contacts, companies and deals: one jsonb object per record, whose GIN index
/// (<c>jsonb_path_ops</c>) serves <c>cf.key=value</c> filters as containment (<c>custom_fields @&gt; '{"key": value}'</c>).
/// </summary>
internal static class CustomFieldColumns
{
    /// <summary>
    /// The record's string values (text, long text, selects, URLs, emails, dates) as one text, for the search text of
    /// contacts and companies: their substring search finds what a text field holds.
    /// </summary>
    public const string SearchableText = "jsonb_path_query_array(custom_fields, 'strict $.* ? (@.type() == \"string\")')::text";

    public static void HasCustomFields<T>(this EntityTypeBuilder<T> builder, string table)
        where T : OwnedRecord
    {
        builder.Property(r => r.CustomFields).HasColumnType("jsonb").HasDefaultValueSql("'{}'::jsonb");
        builder.HasIndex(r => r.CustomFields).HasMethod("gin").HasOperators("jsonb_path_ops")
            .HasDatabaseName($"ix_{table}_custom_fields");
    }
}
