using System.Buffers.Text;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Crm.Application.Common.Exceptions;
using Crm.Application.Common.Interfaces;
using Crm.Domain.Errors;

namespace Crm.Application.Changes.Common;

/// <summary>
/// An opaque place in the change feed: the last row read (its transaction id and sequence) and what the cursor is
/// bound to (the feed, its types and its reader, see <c>CursorBinding</c>). Clients get it sealed (encrypted for the
/// organization): a transaction id counts the writes of the whole service, every tenant's, and is never shown as it is.
/// </summary>
public sealed record ChangeFeedCursor(ChangeFeedPosition Position, string Binding)
{
    private const string Version = "f1";

    public string Encode() =>
        Base64Url.EncodeToString(Encoding.ASCII.GetBytes(string.Create(
            CultureInfo.InvariantCulture, $"{Version}.{Position.TransactionId}.{Position.Sequence}.{Binding}")));

    public string Seal(ISecretProtector protector, Guid organizationId) =>
        Base64Url.EncodeToString(protector.Protect(Encoding.ASCII.GetBytes(Encode()), organizationId));

    /// <summary>The cursor sealed for the organization; anything else (altered, another organization's) is invalid.</summary>
    public static ChangeFeedCursor Open(string value, ISecretProtector protector, Guid organizationId)
    {
        try
        {
            return Decode(Encoding.ASCII.GetString(protector.Unprotect(Base64Url.DecodeFromChars(value), organizationId)));
        }
        catch (Exception ex) when (ex is FormatException or CryptographicException)
        {
            throw new InvalidInputException(ErrorCatalog.InvalidCursor);
        }
    }

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
