using Crm.Application.Common.Models;
using FluentValidation;

namespace Crm.Application.Imports.Queries.ListImports;

public sealed class ListImportsValidator : AbstractValidator<ListImportsQuery>
{
    public ListImportsValidator() => Include(PagingValidator.Instance);
}
