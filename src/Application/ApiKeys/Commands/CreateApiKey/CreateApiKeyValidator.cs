using Crm.Domain.ApiKeys;
using FluentValidation;

namespace Crm.Application.ApiKeys.Commands.CreateApiKey;

public sealed class CreateApiKeyValidator : AbstractValidator<CreateApiKeyCommand>
{
    public CreateApiKeyValidator()
    {
        RuleFor(c => c.Name).NotEmpty().Must(n => !string.IsNullOrWhiteSpace(n)).MaximumLength(ApiKey.NameMaxLength);
        RuleFor(c => c.Role).NotNull().IsInEnum();
    }
}
