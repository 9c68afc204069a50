using Crm.Domain.Common;
using Crm.Domain.Errors;

namespace Crm.Domain.Attachments.Rules;

/// <summary>A file of <paramref name="Size"/> bytes fits beside the <paramref name="UsedBytes"/> already stored.</summary>
public sealed record StorageQuotaNotExceeded(long UsedBytes, long Size, long QuotaBytes) : IBusinessRule
{
    public Error Error => ErrorCatalog.StorageQuotaExceeded;

    public string Message => $"{UsedBytes} of the organization's {QuotaBytes} bytes are in use; this file needs {Size} more.";

    // Subtracting, not adding: no sum of sizes can overflow.
    public bool IsBroken() => Size > QuotaBytes - UsedBytes;
}
