using Crm.Application.Common.Models;
using FluentValidation;

namespace Crm.Application.Auth.Queries.ListMyEvents;

public sealed class ListMyEventsValidator : AbstractValidator<ListMyEventsQuery>
{
    public ListMyEventsValidator()
    {
        Include(PagingValidator.Instance);
    }
}
