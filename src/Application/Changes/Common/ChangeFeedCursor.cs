using System.Buffers.Text;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Crm.Application.Common.Exceptions;
using Crm.Application.Common.Interfaces;
using Crm.Domain.Errors;

namespace Crm.Application.Changes.Common;

/// <summary>
/// An opaque place in the change feed: the last row read (its transaction id and sequence), the purge marks when the
/// reader started (<see cref="ChangeFeedFloors"/>) and what the cursor is bound to (the feed, its types and its reader,
/// see <c>CursorBinding</c>). Clients get it sealed (encrypted for the organization): a transaction id counts the
/// writes of the whole service, every tenant's, and is never shown as it is.
/// </summary>
public sealed record ChangeFeedCursor(ChangeFeedPosition Position, ChangeFeedFloors Floors, string Binding)
{
    // f2 added the companies' floor.
    private const string Version = "f2";

    public string Seal(ISecretProtector protector, Guid organizationId) =>
        Base64Url.EncodeToString(protector.Protect(Encoding.ASCII.GetBytes(Text()), organizationId));

    /// <summary>The cursor sealed for the organization; anything else (altered, another organization's) is invalid.</summary>
    public static ChangeFeedCursor Open(string value, ISecretProtector protector, Guid organizationId)
    {
        try
        {
            var parts = Encoding.ASCII.GetString(protector.Unprotect(Base64Url.DecodeFromChars(value), organizationId)).Split('.');
            if (parts is [Version, var t, var s, var ct, var cs, var dt, var ds, var tt, var ts, var pt, var ps, var binding]
                && Parse(t, s) is { } position
                && Parse(ct, cs) is { } contact
                && Parse(dt, ds) is { } deal
                && Parse(tt, ts) is { } task
                && Parse(pt, ps) is { } company)
            {
                return new ChangeFeedCursor(position, new ChangeFeedFloors(contact, deal, task, company), binding);
            }
        }
        catch (Exception ex) when (ex is FormatException or CryptographicException)
        {
        }

        throw new InvalidInputException(ErrorCatalog.InvalidCursor);
    }

    private string Text() =>
        string.Join('.', Version, Text(Position), Text(Floors.Contact), Text(Floors.Deal), Text(Floors.Task), Text(Floors.Company), Binding);

    private static string Text(ChangeFeedPosition position) =>
        string.Create(CultureInfo.InvariantCulture, $"{position.TransactionId}.{position.Sequence}");

    private static ChangeFeedPosition? Parse(string transaction, string sequence) =>
        ulong.TryParse(transaction, NumberStyles.None, CultureInfo.InvariantCulture, out var t)
        && long.TryParse(sequence, NumberStyles.None, CultureInfo.InvariantCulture, out var s)
            ? new ChangeFeedPosition(t, s)
            : null;
}
