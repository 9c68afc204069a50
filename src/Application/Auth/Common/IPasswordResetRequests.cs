namespace Crm.Application.Auth.Common;

/// <summary>
/// A bounded queue of forgot-password requests, worked through outside the request: the request path does the same
/// work whether or not the address has an account, so neither the answer nor its timing tells.
/// </summary>
public interface IPasswordResetRequests
{
    /// <summary>Hands the request over without waiting; when the queue is full the request is dropped (and logged).</summary>
    void Enqueue(PasswordResetRequest request);
}
