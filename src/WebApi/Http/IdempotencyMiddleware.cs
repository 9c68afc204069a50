using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Crm.Application.Common.Idempotency;
using Crm.Application.Common.Security;
using Crm.Domain.Errors;
using Crm.Infrastructure.Idempotency;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.Net.Http.Headers;

namespace Crm.WebApi.Http;

/// <summary>
/// <c>Idempotency-Key</c> on a signed-in caller's POST or PATCH: the key is claimed before the request runs (one of
/// concurrent duplicates claims it, the others answer <c>409 idempotency_key_in_progress</c>); the answer is kept
/// for its repeats (<c>Idempotent-Replayed: true</c>), unless <see cref="IdempotencyKeys.Keeps"/> says a retry should
/// run again, when the key is released; the same key with another method, path or body is
/// <c>422 idempotency_key_reused</c>. Requests without the header (or with it empty, as generated clients send a
/// header left out) run as before.
/// </summary>
public sealed class IdempotencyMiddleware(RequestDelegate next, ILogger<IdempotencyMiddleware> logger)
{
    /// <summary>The headers a replay repeats: where the record is, its version, and how to read the body.</summary>
    private static readonly string[] KeptHeaders = [HeaderNames.Location, HeaderNames.ETag, HeaderNames.ContentType];

    public async Task InvokeAsync(HttpContext http, IRequestContext context, IdempotencyStore store)
    {
        if (!HttpMethods.IsPost(http.Request.Method) && !HttpMethods.IsPatch(http.Request.Method)
            || !http.Request.Headers.TryGetValue(IdempotencyKeys.Header, out var values) || values.Count == 1 && string.IsNullOrWhiteSpace(values[0])
            || context.UserId is not { } callerId || http.GetEndpoint() is null)
        {
            await next(http);
            return;
        }

        if (values.Count != 1 || !IdempotencyKeys.IsValid(values[0]))
        {
            await Problems.WriteAsync(http, Problems.Create(ErrorCatalog.InvalidIdempotencyKey));
            return;
        }

        var scope = new IdempotencyScope(callerId, context.OrganizationId ?? Guid.Empty, values[0]!);
        var claim = await store.ClaimAsync(scope, await FingerprintAsync(http.Request), http.RequestAborted);
        switch (claim.State)
        {
            case IdempotencyClaimState.Reused:
                await Problems.WriteAsync(http, Problems.Create(ErrorCatalog.IdempotencyKeyReused));
                return;
            case IdempotencyClaimState.InProgress:
                await Problems.WriteAsync(http, Problems.Create(ErrorCatalog.IdempotencyKeyInProgress));
                return;
            case IdempotencyClaimState.Answered:
                await ReplayAsync(http, claim.Answer!);
                return;
        }

        await RunAsync(http, store, scope, claim.ClaimId);
    }

    private async Task RunAsync(HttpContext http, IdempotencyStore store, IdempotencyScope scope, Guid claimId)
    {
        var original = http.Response.Body;
        using var buffer = new MemoryStream();
        http.Response.Body = buffer;
        try
        {
            try
            {
                await next(http);
            }
            catch (Exception exception) when (!http.Response.HasStarted)
            {
                // Answered here as the exception handler would, so that the answer can be kept like any other.
                await AnswerExceptionAsync(http, exception);
            }
        }
        catch
        {
            await store.ReleaseAsync(scope, claimId);
            throw;
        }
        finally
        {
            http.Response.Body = original;
        }

        await SettleAsync(http, store, scope, claimId, buffer);
        buffer.Position = 0;
        await buffer.CopyToAsync(original, http.RequestAborted);
    }

    /// <summary>Keeps the answer for repeats, or frees the key for a retry that should run again.</summary>
    private async Task SettleAsync(HttpContext http, IdempotencyStore store, IdempotencyScope scope, Guid claimId, MemoryStream buffer)
    {
        try
        {
            if (IdempotencyKeys.Keeps(http.Response.StatusCode, ProblemCode(http, buffer)) && buffer.Length <= store.MaxResponseBytes)
            {
                await store.RecordAsync(scope, claimId, Answer(http, buffer));
            }
            else
            {
                await store.ReleaseAsync(scope, claimId);
            }
        }
        catch (Exception exception)
        {
            // The request's work is done and its answer goes out; the key stays claimed until its lock runs out.
            logger.LogError(exception, "The answer to an idempotency key could not be recorded for {Method} {Path}", http.Request.Method, http.Request.Path);
        }
    }

    private async Task AnswerExceptionAsync(HttpContext http, Exception exception)
    {
        http.Response.Clear();
        http.Response.StatusCode = StatusCodes.Status500InternalServerError;
        foreach (var handler in http.RequestServices.GetServices<IExceptionHandler>())
        {
            if (await handler.TryHandleAsync(http, exception, http.RequestAborted))
            {
                return;
            }
        }

        logger.LogError(exception, "Unhandled exception for {Method} {Path}", http.Request.Method, http.Request.Path);
        await Problems.WriteAsync(http, Problems.Create(ErrorCatalog.InternalError));
    }

    private static async Task ReplayAsync(HttpContext http, StoredAnswer answer)
    {
        http.Response.StatusCode = answer.Status;
        foreach (var (name, value) in answer.Headers)
        {
            http.Response.Headers[name] = value;
        }

        http.Response.Headers[IdempotencyKeys.ReplayedHeader] = "true";
        if (answer.Body.Length > 0)
        {
            await http.Response.Body.WriteAsync(answer.Body, http.RequestAborted);
        }
    }

    private static StoredAnswer Answer(HttpContext http, MemoryStream buffer)
    {
        var headers = new Dictionary<string, string>();
        foreach (var name in KeptHeaders)
        {
            if (http.Response.Headers.TryGetValue(name, out var value))
            {
                headers[name] = value.ToString();
            }
        }

        return new StoredAnswer(http.Response.StatusCode, headers, buffer.ToArray());
    }

    /// <summary>The problem's code, when the answer is a problem.</summary>
    private static string? ProblemCode(HttpContext http, MemoryStream buffer)
    {
        if (http.Response.StatusCode < 400 || buffer.Length == 0)
        {
            return null;
        }

        try
        {
            using var problem = JsonDocument.Parse(buffer.ToArray());
            return problem.RootElement.TryGetProperty("code", out var code) ? code.GetString() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>SHA-256 of method, path with query and body: a repeat must be the same request.</summary>
    private static async Task<byte[]> FingerprintAsync(HttpRequest request)
    {
        request.EnableBuffering();
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Encoding.UTF8.GetBytes($"{request.Method}\n{request.Path}{request.QueryString}\n"));
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, request.HttpContext.RequestAborted)) > 0)
        {
            hash.AppendData(chunk, 0, read);
        }

        request.Body.Position = 0;
        return hash.GetHashAndReset();
    }
}
