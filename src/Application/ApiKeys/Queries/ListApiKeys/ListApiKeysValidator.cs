using Crm.Application.Common.Models;
using FluentValidation;

namespace Crm.Application.ApiKeys.Queries.ListApiKeys;

public sealed class ListApiKeysValidator : AbstractValidator<ListApiKeysQuery>
{
    public ListApiKeysValidator()
    {
        Include(PagingValidator.Instance);
    }
}
