using Crm.Application.Common.Models;
using FluentValidation;

namespace Crm.Application.Exports.Queries.ListExports;

public sealed class ListExportsValidator : AbstractValidator<ListExportsQuery>
{
    public ListExportsValidator() => Include(PagingValidator.Instance);
}
