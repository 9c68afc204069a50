using System.Buffers.Text;
using System.Globalization;
using System.Text;
using Crm.Application.Common.Exceptions;
using Crm.Domain.Errors;

namespace Crm.Application.Changes.Common;

/// <summary>
/// An opaque place in the change feed: the last row read (its transaction id and sequence) and what the cursor is
/// bound to (the feed, its types and its reader, see <c>CursorBinding</c>).
/// </summary>
public sealed record ChangeFeedCursor(ChangeFeedPosition Position, string Binding)
{
    private const string Version = "f1";

    public string Encode() =>
        Base64Url.EncodeToString(Encoding.ASCII.GetBytes(string.Create(
            CultureInfo.InvariantCulture, $"{Version}.{Position.TransactionId}.{Position.Sequence}.{Binding}")));

    public static ChangeFeedCursor Decode(string value)
    {
        try
        {
            if (Encoding.ASCII.GetString(Base64Url.DecodeFromChars(value)).Split('.') is [Version, var transaction, var sequence, var binding]
                && ulong.TryParse(transaction, NumberStyles.None, CultureInfo.InvariantCulture, out var t)
                && long.TryParse(sequence, NumberStyles.None, CultureInfo.InvariantCulture, out var s))
            {
                return new ChangeFeedCursor(new ChangeFeedPosition(t, s), binding);
            }
        }
        catch (FormatException)
        {
        }

        throw new InvalidInputException(ErrorCatalog.InvalidCursor);
    }
}
