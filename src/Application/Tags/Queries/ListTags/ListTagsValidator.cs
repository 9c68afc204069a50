using Crm.Application.Common.Models;
using FluentValidation;

namespace Crm.Application.Tags.Queries.ListTags;

public sealed class ListTagsValidator : AbstractValidator<ListTagsQuery>
{
    public ListTagsValidator()
    {
        Include(PagingValidator.Instance);
        RuleFor(q => q.RecordType).IsInEnum();
    }
}
