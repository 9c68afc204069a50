using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Crm.Infrastructure.Data.Configurations;

internal static class ColumnOrderExtensions
{
    /// <summary>
    /// Creates the columns in the order given (every column of the table: EF places ordered columns first). Used
    /// where the tables' first layout differs from EF's, so that new and upgraded databases have one layout.
    /// </summary>
    public static void HasColumnsInOrder(this EntityTypeBuilder builder, params string[] properties)
    {
        for (var i = 0; i < properties.Length; i++)
        {
            builder.Property(properties[i]).HasColumnOrder(i);
        }
    }
}
