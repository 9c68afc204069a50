using Crm.Application.Common.Behaviours;
using Crm.Application.Common.Exceptions;
using Crm.Application.Common.Security;
using Crm.Domain.Organizations;
using MediatR;

namespace Crm.Application.UnitTests.Behaviours;

public sealed class AuthorizationBehaviourTests
{
    public sealed record Anonymous : IRequest<string>;

    [Authorize]
    public sealed record SignedIn : IRequest<string>;

    public sealed record InOrganization : IRequest<string>, IOrganizationScoped;

    [Authorize(Roles = "owner,admin")]
    public sealed record AdministratorsOnly : IRequest<string>, IOrganizationScoped;

    [Test]
    public async Task A_request_without_requirements_passes_anonymously()
    {
        (await Run(new Anonymous(), new RequestContext())).ShouldBe("handled");
    }

    [Test]
    public async Task A_signed_in_request_refuses_anonymous_callers_before_the_handler_runs()
    {
        var error = await Should.ThrowAsync<UnauthorizedException>(() => Run(new SignedIn(), new RequestContext()));

        error.Code.ShouldBe("authentication_required");
    }

    [Test]
    public async Task An_organization_scoped_request_refuses_a_caller_without_membership()
    {
        var context = SignedInContext();
        context.SetOrganization(Guid.NewGuid(), role: null);

        var error = await Should.ThrowAsync<ForbiddenException>(() => Run(new InOrganization(), context));

        error.Code.ShouldBe("organization_access_denied");
    }

    [TestCase(MemberRole.Manager)]
    [TestCase(MemberRole.Member)]
    public async Task A_role_restricted_request_refuses_other_roles(MemberRole role)
    {
        var context = SignedInContext();
        context.SetOrganization(Guid.NewGuid(), role);

        var error = await Should.ThrowAsync<ForbiddenException>(() => Run(new AdministratorsOnly(), context));

        error.Code.ShouldBe("insufficient_role");
    }

    [TestCase(MemberRole.Owner)]
    [TestCase(MemberRole.Admin)]
    public async Task A_role_restricted_request_lets_the_listed_roles_through(MemberRole role)
    {
        var context = SignedInContext();
        context.SetOrganization(Guid.NewGuid(), role);

        (await Run(new AdministratorsOnly(), context)).ShouldBe("handled");
    }

    private static RequestContext SignedInContext()
    {
        var context = new RequestContext();
        context.SetUser(Guid.NewGuid(), Guid.NewGuid());
        return context;
    }

    private static Task<string> Run<TRequest>(TRequest request, IRequestContext context)
        where TRequest : IRequest<string> =>
        new AuthorizationBehaviour<TRequest, string>(context).Handle(request, CancellationToken.None, () => Task.FromResult("handled"));
}
