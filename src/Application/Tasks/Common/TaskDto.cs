using Crm.Domain.Tasks;
using FluentValidation;

namespace Crm.Application.Tasks.Common;

public sealed class TaskDto
{
    public Guid Id { get; init; }

    public Guid DealId { get; init; }

    public string Title { get; init; } = string.Empty;

    public string? Description { get; init; }

    public DateOnly? DueDate { get; init; }

    public bool IsDone { get; init; }

    public DateTime? CompletedAt { get; init; }

    public DateTime CreatedAt { get; init; }

    public DateTime UpdatedAt { get; init; }
}

public static class TaskValidationRules
{
    public static IRuleBuilderOptions<T, string?> TaskTitle<T>(this IRuleBuilder<T, string?> rule) =>
        rule.NotEmpty().MaximumLength(DealTask.TitleMaxLength).Must(t => !string.IsNullOrWhiteSpace(t))
            .WithMessage("must not be blank");

    public static IRuleBuilderOptions<T, string?> TaskDescription<T>(this IRuleBuilder<T, string?> rule) =>
        rule.MaximumLength(DealTask.DescriptionMaxLength);
}
