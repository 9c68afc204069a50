using FluentValidation;

namespace Crm.Application.Auth.Commands.Refresh;

/// <summary>
/// Only a missing token is invalid input: any text given, malformed or oversized (an access token too), is a
/// refresh token that does not work, and the handler answers it with 401 invalid_refresh_token.
/// </summary>
public sealed class RefreshValidator : AbstractValidator<RefreshCommand>
{
    public RefreshValidator() => RuleFor(c => c.RefreshToken).NotNull();
}
