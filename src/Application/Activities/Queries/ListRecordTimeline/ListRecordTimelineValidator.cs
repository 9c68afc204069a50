using Crm.Application.Common.Models;
using FluentValidation;

namespace Crm.Application.Activities.Queries.ListRecordTimeline;

public sealed class ListRecordTimelineValidator : AbstractValidator<ListRecordTimelineQuery>
{
    public ListRecordTimelineValidator()
    {
        Include(PagingValidator.Instance);
        RuleFor(q => q.RecordType).IsInEnum();
        RuleFor(q => q.Type).FilterValues();
    }
}
