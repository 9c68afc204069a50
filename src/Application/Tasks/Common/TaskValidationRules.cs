using Crm.Domain.Tasks;
using FluentValidation;

namespace Crm.Application.Tasks.Common;

public static class TaskValidationRules
{
    public static IRuleBuilderOptions<T, string?> TaskTitle<T>(this IRuleBuilder<T, string?> rule) =>
        rule.NotEmpty().MaximumLength(DealTask.TitleMaxLength).Must(t => !string.IsNullOrWhiteSpace(t))
            .WithMessage("must not be blank");

    public static IRuleBuilderOptions<T, string?> TaskDescription<T>(this IRuleBuilder<T, string?> rule) =>
        rule.MaximumLength(DealTask.DescriptionMaxLength);
}
