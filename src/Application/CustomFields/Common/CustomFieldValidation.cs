using Crm.Domain.CustomFields;
using Crm.Domain.CustomFields.Rules;
using FluentValidation;
using FluentValidation.Results;

namespace Crm.Application.CustomFields.Common;

/// <summary>The rules of a definition's input, named by the field they concern.</summary>
public static class CustomFieldValidation
{
    public static IRuleBuilderOptions<T, string> CustomFieldKey<T>(this IRuleBuilder<T, string> rule) =>
        rule.Must(CustomFieldKeyIsValid.IsValid)
            .WithMessage($"must be snake_case: a lower-case letter, then lower-case letters, digits or underscores, at most {CustomFieldKeyIsValid.MaxLength} characters");

    /// <summary>Checks the shape the request would give the definition; a refusal names the field it concerns.</summary>
    public static IRuleBuilderOptionsConditions<T, T> CustomFieldShape<T>(this IRuleBuilder<T, T> rule, Func<T, CustomFieldShape> shape) =>
        rule.Custom((request, context) =>
        {
            if (shape(request).Refusal() is { } refusal)
            {
                var field = refusal.Split(' ')[0] switch
                {
                    "label" => "label",
                    "position" => "position",
                    _ when refusal.Contains("currency", StringComparison.Ordinal) => "currency",
                    _ => "options",
                };
                context.AddFailure(new ValidationFailure(field, refusal));
            }
        });
}
