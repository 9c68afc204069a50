using System.Net;
using Crm.WebApi.IntegrationTests.Support;

namespace Crm.WebApi.IntegrationTests;

/// <summary>The organization's queues as its owners and admins see them, and a failed email sent again.</summary>
public sealed class JobStatisticsTests : ApiTest
{
    private static async Task<Guid> FailOneEmailAsync(Guid organizationId)
    {
        var id = await Testing.Database.ScalarAsync<Guid>(
            $"SELECT id FROM outbox_messages WHERE organization_id = '{organizationId}' ORDER BY created_at LIMIT 1");
        // Not while the service is sending it: its outcome would overwrite the failure.
        for (var attempt = 0; attempt < 300; attempt++)
        {
            var failed = await Testing.Database.ScalarAsync<long>(
                $"""
                WITH failed AS (
                    UPDATE outbox_messages SET status = 'failed', attempts = 5, last_error = '550 mailbox unavailable', locked_until = NULL
                     WHERE id = '{id}' AND status <> 'sending' RETURNING 1)
                SELECT count(*) FROM failed
                """);
            if (failed == 1)
            {
                return id;
            }

            await Task.Delay(100);
        }

        throw new InvalidOperationException($"The email {id} stayed in sending.");
    }

    [Test]
    public async Task Jobs_count_every_queue_by_state_and_name_the_last_failure_and_a_retry_queues_the_email_again()
    {
        var api = NewApi();
        var team = await Team.CreateAsync(api);
        var failed = await FailOneEmailAsync(team.OrganizationId);

        var jobs = await api.As(team.Admin).GetAsync("/api/v1/admin/jobs");

        jobs.Status.ShouldBe(HttpStatusCode.OK, jobs.Text);
        var emails = jobs.Json["emails"]!;
        ((int)emails["counts"]!["failed"]!).ShouldBe(1);
        emails["counts"]!.AsObject().Select(p => p.Key).Order().ShouldBe(["failed", "pending", "sending", "sent"]);
        ((string?)emails["last_failure"]!["id"]).ShouldBe(failed.ToString());
        ((string?)emails["last_failure"]!["error"]).ShouldBe("550 mailbox unavailable");
        jobs.Json["notifications"]!["counts"]!.AsObject().Select(p => p.Key).Order().ShouldBe(["email_waiting", "queued"]);
        foreach (var queue in new[] { "webhook_deliveries", "imports", "exports" })
        {
            jobs.Json[queue]!["counts"]!.AsObject().ShouldAllBe(p => (int)p.Value! == 0, queue);
            jobs.Json[queue]!["last_failure"].ShouldBeNull(queue);
        }

        (await api.As(team.Owner).PostAsync($"/api/v1/admin/outbox/{failed}/retry")).Status.ShouldBe(HttpStatusCode.NoContent);

        (await Testing.Database.ScalarAsync<string>($"SELECT status FROM outbox_messages WHERE id = '{failed}'")).ShouldBe("pending");
        (await api.As(team.Owner).PostAsync($"/api/v1/admin/outbox/{failed}/retry"))
            .ShouldBeProblem(HttpStatusCode.Conflict, "outbox_message_not_failed");
        var audit = await api.As(team.Owner).GetAsync("/api/v1/audit-logs?page_size=100");
        audit.Json["items"]!.AsArray().ShouldContain(e => (string?)e!["action"] == "retry_outbox_message" && (string?)e["entity_id"] == failed.ToString());
    }

    [Test]
    public async Task Another_organizations_email_is_not_found_and_a_foreign_organization_is_refused()
    {
        var api = NewApi();
        var team = await Team.CreateAsync(api);
        var failed = await FailOneEmailAsync(team.OrganizationId);
        var stranger = await api.RegisterAsync();

        (await api.As(stranger).PostAsync($"/api/v1/admin/outbox/{failed}/retry")).ShouldBeProblem(HttpStatusCode.NotFound, "outbox_message_not_found");
        (await api.As(stranger).PostAsync($"/api/v1/admin/outbox/{Guid.NewGuid()}/retry")).ShouldBeProblem(HttpStatusCode.NotFound, "outbox_message_not_found");
        (await api.As(stranger, team.OrganizationId).GetAsync("/api/v1/admin/jobs")).ShouldBeProblem(HttpStatusCode.Forbidden, "organization_access_denied");
        (await api.As(stranger).GetAsync("/api/v1/admin/jobs")).Json["emails"]!["counts"]!["failed"]!.GetValue<int>().ShouldBe(0);
        (await api.As(team.Owner).PostAsync("/api/v1/admin/outbox/not-an-id/retry")).Status.ShouldBe(HttpStatusCode.NotFound);
        (await Testing.Database.ScalarAsync<string>($"SELECT status FROM outbox_messages WHERE id = '{failed}'")).ShouldBe("failed");
    }

    [TestCase("manager")]
    [TestCase("member")]
    public async Task Only_owners_and_admins_see_the_jobs_and_retry_emails(string role)
    {
        var api = NewApi();
        var team = await Team.CreateAsync(api);
        var failed = await FailOneEmailAsync(team.OrganizationId);

        (await api.As(team[role]).GetAsync("/api/v1/admin/jobs")).ShouldBeProblem(HttpStatusCode.Forbidden, "insufficient_role");
        (await api.As(team[role]).PostAsync($"/api/v1/admin/outbox/{failed}/retry")).ShouldBeProblem(HttpStatusCode.Forbidden, "insufficient_role");
    }
}
