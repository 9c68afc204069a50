using Crm.Domain.Users;
using FluentValidation;

namespace Crm.Application.Auth.Commands.UpdateMe;

/// <summary>The same rule as registration's name.</summary>
public sealed class UpdateMeValidator : AbstractValidator<UpdateMeCommand>
{
    public UpdateMeValidator() => RuleFor(c => c.Name).NotEmpty().MaximumLength(User.NameMaxLength);
}
