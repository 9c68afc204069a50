using Crm.Application.Common.Behaviours;
using Crm.Application.Common.Exceptions;
using Crm.Application.Common.Messaging;
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

    public sealed record AReadInOrganization : IQuery<string>, IOrganizationScoped;

    public sealed record AChangeInOrganization : ICommand<string>, IOrganizationScoped;

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

    [Test]
    public async Task A_read_only_api_key_runs_queries_and_is_refused_every_command()
    {
        var context = new RequestContext();
        context.SetApiKey(Guid.NewGuid(), readOnly: true);
        context.SetOrganization(Guid.NewGuid(), MemberRole.Admin);

        (await Run(new AReadInOrganization(), context)).ShouldBe("handled");
        var error = await Should.ThrowAsync<ForbiddenException>(() => Run(new AChangeInOrganization(), context));
        error.Code.ShouldBe("api_key_read_only");
    }

    [Test]
    public async Task An_api_key_that_may_write_runs_commands_with_its_role()
    {
        var context = new RequestContext();
        context.SetApiKey(Guid.NewGuid(), readOnly: false);
        context.SetOrganization(Guid.NewGuid(), MemberRole.Member);

        (await Run(new AChangeInOrganization(), context)).ShouldBe("handled");
        (await Should.ThrowAsync<ForbiddenException>(() => Run(new AdministratorsOnly(), context))).Code.ShouldBe("insufficient_role");
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
