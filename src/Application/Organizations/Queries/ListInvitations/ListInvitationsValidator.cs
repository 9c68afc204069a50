using Crm.Application.Common.Models;
using FluentValidation;

namespace Crm.Application.Organizations.Queries.ListInvitations;

public sealed class ListInvitationsValidator : AbstractValidator<ListInvitationsQuery>
{
    public ListInvitationsValidator()
    {
        Include(PagingValidator.Instance);
    }
}
