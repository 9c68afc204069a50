using Crm.Application.Common.Models;
using FluentValidation;

namespace Crm.Application.Email.Queries.ListOutbox;

public sealed class ListOutboxValidator : AbstractValidator<ListOutboxQuery>
{
    public ListOutboxValidator() => Include(PagingValidator.Instance);
}
