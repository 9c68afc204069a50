namespace Crm.Application.Common.Interfaces;

/// <summary>Limits failed sign-ins per email and per client address.</summary>
public interface ILoginThrottle
{
    /// <summary>Null when a sign-in may be attempted; otherwise how long to wait.</summary>
    TimeSpan? RetryAfter(string email, string? clientAddress);

    void RecordFailure(string email, string? clientAddress);
}
