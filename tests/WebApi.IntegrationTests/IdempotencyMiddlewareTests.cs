using System.Text;
using Crm.Application.Common.Security;
using Crm.Infrastructure.Idempotency;
using Crm.WebApi.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Crm.WebApi.IntegrationTests;

/// <summary>
/// The middleware with the service's own store, exception handlers and database, around handlers that fail on
/// purpose: what no endpoint of the API does on demand.
/// </summary>
public sealed class IdempotencyMiddlewareTests : ApiTest
{
    [Test]
    public async Task An_exception_releases_the_key_so_that_a_retry_runs_again()
    {
        var caller = Guid.NewGuid();
        var runs = 0;

        var failed = await SendAsync(caller, _ =>
        {
            runs++;
            throw new InvalidOperationException("A failure on purpose.");
        });
        var retried = await SendAsync(caller, http =>
        {
            runs++;
            http.Response.StatusCode = StatusCodes.Status201Created;
            return http.Response.WriteAsync("{\"id\":1}");
        });
        var replayed = await SendAsync(caller, _ =>
        {
            runs++;
            return Task.CompletedTask;
        });

        failed.StatusCode.ShouldBe(500);
        retried.StatusCode.ShouldBe(201);
        replayed.StatusCode.ShouldBe(201);
        replayed.Headers["Idempotent-Replayed"].ToString().ShouldBe("true");
        runs.ShouldBe(2);
    }

    [Test]
    public async Task A_server_error_answer_releases_the_key()
    {
        var caller = Guid.NewGuid();
        var runs = 0;

        var unavailable = await SendAsync(caller, http =>
        {
            runs++;
            http.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            return Task.CompletedTask;
        });
        var retried = await SendAsync(caller, http =>
        {
            runs++;
            http.Response.StatusCode = StatusCodes.Status204NoContent;
            return Task.CompletedTask;
        });

        unavailable.StatusCode.ShouldBe(503);
        retried.StatusCode.ShouldBe(204);
        runs.ShouldBe(2);
        (await Testing.Database.ScalarAsync<long>($"SELECT count(*) FROM idempotency_keys WHERE caller_id = '{caller}' AND status_code = 204")).ShouldBe(1);
    }

    private static async Task<HttpResponse> SendAsync(Guid caller, RequestDelegate handler)
    {
        var scope = Testing.Factory.Services.CreateScope();
        var http = new DefaultHttpContext { RequestServices = scope.ServiceProvider };
        http.Request.Method = HttpMethods.Post;
        http.Request.Path = "/api/v1/contacts";
        http.Request.Headers["Idempotency-Key"] = "same-key";
        http.Request.Body = new MemoryStream(Encoding.UTF8.GetBytes("{\"name\":\"Ada\"}"));
        http.Response.Body = new MemoryStream();
        http.SetEndpoint(new Endpoint(handler, EndpointMetadataCollection.Empty, "test"));
        var context = scope.ServiceProvider.GetRequiredService<RequestContext>();
        context.SetUser(caller, Guid.NewGuid());

        await new IdempotencyMiddleware(handler, NullLogger<IdempotencyMiddleware>.Instance)
            .InvokeAsync(http, context, scope.ServiceProvider.GetRequiredService<IdempotencyStore>());
        return http.Response;
    }
}
