using Crm.Application.Common.Exceptions;
using Crm.Domain.Common;
using Crm.Domain.Errors;

namespace Crm.Application.Auth.Commands.ChangePassword;

/// <summary>
/// A password change's answer. A refusal is an answer, not an exception, so that its audit entry commits with the
/// command's transaction (as a refused sign-in's does).
/// </summary>
public sealed record ChangePasswordResult(Error? Failure, TimeSpan? RetryAfter)
{
    public static ChangePasswordResult Changed { get; } = new(null, null);

    public static ChangePasswordResult Throttled(TimeSpan wait) => new(ErrorCatalog.TooManyLoginAttempts, wait);

    public static ChangePasswordResult WrongCurrentPassword() => new(ErrorCatalog.WrongPassword, null);

    /// <summary>Nothing when changed; otherwise the refusal as the exception its problem response is made from.</summary>
    public void ThrowIfRefused()
    {
        if (Failure is null)
        {
            return;
        }

        throw RetryAfter is { } wait
            ? new TooManyRequestsException(Failure, wait)
            : new BusinessRuleException(Failure);
    }
}
