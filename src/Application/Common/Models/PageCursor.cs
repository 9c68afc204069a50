using System.Buffers.Text;
using System.Globalization;
using System.Text;
using Crm.Application.Common.Exceptions;
using Crm.Domain.Errors;

namespace Crm.Application.Common.Models;

/// <summary>
/// An opaque position in a list kept in creation order: the last row's creation time and id, how many rows came
/// before the next page, the direction, the list's total when the walk began, and what the cursor is bound to (a
/// digest of the list, its filters and its reader, see <see cref="CursorBinding"/>). Keyset paging from it costs the
/// same however deep it is, and reads no count.
/// </summary>
public sealed record PageCursor(DateTime CreatedAt, Guid Id, int Offset, SortOrder Order, int Total, string Binding = "")
{
    private const string Version = "c3";

    /// <summary>Far beyond any real list, and far enough from the integer range that offset arithmetic cannot overflow.</summary>
    private const int MaxCount = 1_000_000_000;

    public string Encode()
    {
        var text = string.Create(
            CultureInfo.InvariantCulture,
            $"{Version}.{CreatedAt.Ticks}.{Id:N}.{Offset}.{(Order == SortOrder.Desc ? 'd' : 'a')}.{Total}.{Binding}");
        return Base64Url.EncodeToString(Encoding.ASCII.GetBytes(text));
    }

    public static PageCursor Decode(string value)
    {
        try
        {
            var parts = Encoding.ASCII.GetString(Base64Url.DecodeFromChars(value)).Split('.');
            if (parts is [Version, var ticks, var id, var offset, "a" or "d", var total, var binding]
                && long.TryParse(ticks, NumberStyles.None, CultureInfo.InvariantCulture, out var t)
                && t <= DateTime.MaxValue.Ticks
                && Guid.TryParseExact(id, "N", out var guid)
                && int.TryParse(offset, NumberStyles.None, CultureInfo.InvariantCulture, out var skipped)
                && int.TryParse(total, NumberStyles.None, CultureInfo.InvariantCulture, out var count)
                && skipped <= MaxCount
                && count <= MaxCount)
            {
                return new PageCursor(
                    new DateTime(t, DateTimeKind.Utc), guid, skipped, parts[4] == "d" ? SortOrder.Desc : SortOrder.Asc, count, binding);
            }
        }
        catch (FormatException)
        {
        }

        throw new InvalidInputException(ErrorCatalog.InvalidCursor);
    }
}
