using Crm.Application.Common.Models;
using FluentValidation;

namespace Crm.Application.Activities.Queries.ListFeed;

public sealed class ListFeedValidator : AbstractValidator<ListFeedQuery>
{
    public ListFeedValidator()
    {
        Include(PagingValidator.Instance);
        RuleFor(q => q.ActorId).FilterValues();
        RuleFor(q => q.Type).FilterValues();
        RuleFor(q => q.RecordType).FilterValues();
    }
}
