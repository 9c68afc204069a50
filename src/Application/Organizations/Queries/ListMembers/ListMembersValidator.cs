using Crm.Application.Common.Models;
using FluentValidation;

namespace Crm.Application.Organizations.Queries.ListMembers;

public sealed class ListMembersValidator : AbstractValidator<ListMembersQuery>
{
    public ListMembersValidator()
    {
        Include(PagingValidator.Instance);
    }
}
