using Crm.Domain.Common;
using Crm.Domain.Records;
using FluentValidation;
using FluentValidation.Results;

namespace Crm.Application.Common.Tags;

/// <summary>
/// <c>tags</c> on contacts, companies and deals (<see cref="RecordTags"/>): each refused tag is named by its index
/// (<c>tags[2]</c>), too many tags by the list (<c>tags</c>). Null means none.
/// </summary>
public static class TagRules
{
    public static IRuleBuilderOptionsConditions<T, IReadOnlyList<string>?> RecordTagList<T>(this IRuleBuilder<T, IReadOnlyList<string>?> rule) =>
        rule.Custom((tags, context) => Check(tags, context));

    /// <summary>The same for a partial update: checked when sent.</summary>
    public static IRuleBuilderOptionsConditions<T, Optional<IReadOnlyList<string>?>> RecordTagList<T>(
        this IRuleBuilder<T, Optional<IReadOnlyList<string>?>> rule) =>
        rule.Custom((tags, context) =>
        {
            if (tags.IsSet)
            {
                Check(tags.Value, context);
            }
        });

    /// <summary>One value of a <c>tag</c> filter: no longer than a tag can be (the list is bounded by <c>FilterValues</c>).</summary>
    public static IRuleBuilderOptions<T, string> TagFilterValue<T>(this IRuleBuilder<T, string> rule) =>
        rule.Must(v => v.Trim().Length <= RecordTags.MaxLength).WithMessage($"must be at most {RecordTags.MaxLength} characters");

    private static void Check<T>(IReadOnlyList<string>? tags, ValidationContext<T> context)
    {
        if (tags is null)
        {
            return;
        }

        for (var i = 0; i < tags.Count; i++)
        {
            if (RecordTags.Refusal(tags[i]) is { } message)
            {
                context.AddFailure(new ValidationFailure($"{context.PropertyPath}[{i}]", message));
            }
        }

        if (tags.Count > RecordTags.MaxCount && RecordTags.Normalize(tags.Where(t => t is not null)).Length > RecordTags.MaxCount)
        {
            context.AddFailure(new ValidationFailure(
                context.PropertyPath, $"must have at most {RecordTags.MaxCount} tags (the same tag in another case counts once)"));
        }
    }
}
