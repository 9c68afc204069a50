using Crm.Domain.Common;
using Crm.Domain.Tasks;
using FluentValidation;

namespace Crm.Application.Tasks.Common;

public sealed class TaskDto : ICreationOrdered
{
    public required Guid Id { get; init; }

    public required Guid DealId { get; init; }

    public required string Title { get; init; }

    public required string? Description { get; init; }

    public required DateOnly? DueDate { get; init; }

    public required bool IsDone { get; init; }

    public required DateTime? CompletedAt { get; init; }

    public required DateTime CreatedAt { get; init; }

    public required DateTime UpdatedAt { get; init; }
}

public static class TaskValidationRules
{
    public static IRuleBuilderOptions<T, string?> TaskTitle<T>(this IRuleBuilder<T, string?> rule) =>
        rule.NotEmpty().MaximumLength(DealTask.TitleMaxLength).Must(t => !string.IsNullOrWhiteSpace(t))
            .WithMessage("must not be blank");

    public static IRuleBuilderOptions<T, string?> TaskDescription<T>(this IRuleBuilder<T, string?> rule) =>
        rule.MaximumLength(DealTask.DescriptionMaxLength);
}
