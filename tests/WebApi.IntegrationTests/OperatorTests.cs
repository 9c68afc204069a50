using System.Net;
using Crm.Domain.Organizations;
using Crm.Infrastructure.Operations;
using Crm.WebApi.Cli;
using Crm.WebApi.IntegrationTests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Crm.WebApi.IntegrationTests;

/// <summary>The operator's organization commands, and what members of a changed organization see.</summary>
public sealed class OperatorTests : ApiTest
{
    private static async Task<T> WithOperatorAsync<T>(Func<OrganizationOperator, Task<T>> act)
    {
        await using var scope = Testing.Factory.Services.CreateAsyncScope();
        return await act(scope.ServiceProvider.GetRequiredService<OrganizationOperator>());
    }

    [Test]
    public async Task A_suspended_organization_refuses_its_members_and_keys_until_resumed_and_the_audit_log_names_the_operator()
    {
        var api = NewApi();
        var owner = await api.RegisterAsync();
        var key = await api.As(owner).PostAsync("/api/v1/api-keys", new { name = "Sync", role = "manager" });
        key.Status.ShouldBe(HttpStatusCode.Created, key.Text);
        var stranger = await api.RegisterAsync();
        (await api.As(owner).GetAsync("/api/v1/contacts")).Status.ShouldBe(HttpStatusCode.OK);

        (await WithOperatorAsync(o => o.SuspendAsync(owner.OrganizationId, CancellationToken.None))).ShouldBeTrue();

        (await api.As(owner).GetAsync("/api/v1/contacts")).ShouldBeProblem(HttpStatusCode.Forbidden, "organization_suspended");
        (await api.WithToken(key["secret"]!).InOrganization(null).GetAsync("/api/v1/contacts"))
            .ShouldBeProblem(HttpStatusCode.Forbidden, "organization_suspended");
        // A stranger learns nothing about the suspension: not a member is not a member.
        (await api.As(stranger, owner.OrganizationId).GetAsync("/api/v1/contacts"))
            .ShouldBeProblem(HttpStatusCode.Forbidden, "organization_access_denied");
        // The member's other organizations are untouched.
        (await api.As(stranger).GetAsync("/api/v1/contacts")).Status.ShouldBe(HttpStatusCode.OK);
        await Should.ThrowAsync<Domain.Common.BusinessRuleException>(() => WithOperatorAsync(o => o.SuspendAsync(owner.OrganizationId, CancellationToken.None)));

        (await WithOperatorAsync(o => o.ResumeAsync(owner.OrganizationId, CancellationToken.None))).ShouldBeTrue();

        (await api.As(owner).GetAsync("/api/v1/contacts")).Status.ShouldBe(HttpStatusCode.OK);
        var audit = await api.As(owner).GetAsync("/api/v1/audit-logs?page_size=100");
        audit.Status.ShouldBe(HttpStatusCode.OK, audit.Text);
        var operatorEntries = audit.Json["items"]!.AsArray().Where(e => (string?)e!["actor_type"] == "operator").ToList();
        operatorEntries.Select(e => (string?)e!["action"]).Order().ShouldBe(["resume_organization", "suspend_organization"]);
        operatorEntries.ShouldAllBe(e => e!["actor_id"] == null && ((string?)e["user_agent"] ?? "").StartsWith("crm-cli operator "));
    }

    [Test]
    public async Task Set_plan_changes_the_plan_members_see_and_records_the_change_once()
    {
        var api = NewApi();
        var owner = await api.RegisterAsync();

        (await WithOperatorAsync(o => o.ChangePlanAsync(owner.OrganizationId, OrganizationPlan.Enterprise, CancellationToken.None))).ShouldBeTrue();
        (await WithOperatorAsync(o => o.ChangePlanAsync(owner.OrganizationId, OrganizationPlan.Enterprise, CancellationToken.None))).ShouldBeFalse();

        var organization = await api.As(owner).GetAsync($"/api/v1/organizations/{owner.OrganizationId}");
        organization.Status.ShouldBe(HttpStatusCode.OK, organization.Text);
        organization["plan"].ShouldBe("enterprise");
        var audit = (await api.As(owner).GetAsync("/api/v1/audit-logs?page_size=100")).Json["items"]!.AsArray()
            .Where(e => (string?)e!["action"] == "change_organization_plan").ToList();
        audit.Count.ShouldBe(1);
        ((string?)audit[0]!["changes"]![0]!["to"]).ShouldBe("enterprise");
        ((string?)audit[0]!["changes"]![0]!["from"]).ShouldBe("free");
    }

    [Test]
    public async Task Show_and_list_describe_organizations_and_an_unknown_id_is_reported()
    {
        var api = NewApi();
        var owner = await api.RegisterAsync();
        await api.As(owner).CreateContactAsync();

        var details = await WithOperatorAsync(o => o.FindAsync(owner.OrganizationId, CancellationToken.None));
        details.ShouldNotBeNull();
        details.OwnerEmails.ShouldBe([owner.Email]);
        details.Contacts.ShouldBe(1);
        (await WithOperatorAsync(o => o.ListAsync(CancellationToken.None))).ShouldContain(s => s.Id == owner.OrganizationId && s.Members == 1);
        (await WithOperatorAsync(o => o.FindAsync(Guid.NewGuid(), CancellationToken.None))).ShouldBeNull();
        await Should.ThrowAsync<KeyNotFoundException>(() => WithOperatorAsync(o => o.SuspendAsync(Guid.NewGuid(), CancellationToken.None)));
    }

    [TestCase("organizations", "set-plan", "01a25195-8454-7a71-8e40-7eaabc9110ff", "platinum")]
    [TestCase("organizations", "suspend", "not-an-id")]
    [TestCase("organizations", "show")]
    [TestCase("organizations", "resume", "01a25195-8454-7a71-8e40-7eaabc9110ff", "--now")]
    public async Task Bad_operator_arguments_exit_with_code_2(params string[] args)
    {
        (await CrmCommandLine.InvokeAsync(args)).ShouldBe(CrmCommandLine.BadArguments);
    }
}
