using Crm.Application.Common.Interfaces;
using Crm.Application.Common.Messaging;
using Crm.Application.Common.Security;
using Crm.Application.Organizations.Common;
using Crm.Domain.Common;
using Crm.Domain.Organizations;
using FluentValidation;
using MediatR;

namespace Crm.Application.Organizations.Commands.AddMember;

/// <summary>Adds a registered user to the current organization with a role.</summary>
[Authorize(Roles = "owner,admin")]
public sealed record AddMemberCommand(string Email, MemberRole? Role) : ICommand<MemberDto>, IOrganizationScoped;

public sealed class AddMemberValidator : AbstractValidator<AddMemberCommand>
{
    public AddMemberValidator()
    {
        RuleFor(c => c.Email).NotEmpty().MaximumLength(Domain.Users.User.EmailMaxLength).EmailAddress();
        RuleFor(c => c.Role).NotNull().IsInEnum();
    }
}

public sealed class AddMemberCommandHandler(
    IOrganizationRepository organizations, IUserRepository users, IRequestContext context, TimeProvider time)
    : IRequestHandler<AddMemberCommand, MemberDto>
{
    public async Task<MemberDto> Handle(AddMemberCommand request, CancellationToken cancellationToken)
    {
        var (organization, actor) = await organizations.LoadCurrentAsync(context, cancellationToken);
        var user = await users.FindByEmailAsync(request.Email, cancellationToken)
            ?? throw new BusinessRuleException(
                "user_not_found", "No registered user has this email address.", DomainErrorKind.Invalid);
        var membership = organization.AddMember(actor, user.Id, request.Role!.Value, time.UtcNow());
        return new MemberDto(user.Id, user.Email, user.Name, membership.Role, membership.CreatedAt);
    }
}
