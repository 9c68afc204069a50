using System.Diagnostics;
using Crm.Application.Common.Exceptions;
using Crm.Domain.Common;
using Crm.Domain.Errors;
using MediatR;

namespace Crm.Application.Common.Behaviours;

/// <summary>
/// One span per request, named after it, with its outcome (<c>success</c>, <c>refused</c> with the problem code,
/// or <c>error</c>), and its duration in a histogram per request and outcome. Outermost, so it measures the
/// whole pipeline.
/// </summary>
public sealed class TelemetryBehaviour<TRequest, TResponse> : IPipelineBehavior<TRequest, TResponse>
{
    private static readonly string RequestName = typeof(TRequest).Name;

    public async Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        using var activity = MediatorTelemetry.Source.StartActivity(RequestName);
        activity?.SetTag("crm.request", RequestName);
        var started = Stopwatch.GetTimestamp();
        var outcome = "success";
        try
        {
            return await next();
        }
        catch (Exception ex)
        {
            var code = ex switch
            {
                CodedException coded => coded.Code,
                BusinessRuleException rule => rule.Code,
                ValidationException => ErrorCatalog.ValidationFailed.Code,
                _ => null,
            };
            outcome = code is null ? "error" : "refused";
            activity?.SetTag("crm.code", code);
            activity?.SetStatus(code is null ? ActivityStatusCode.Error : ActivityStatusCode.Unset, code ?? ex.GetType().Name);
            throw;
        }
        finally
        {
            activity?.SetTag("crm.outcome", outcome);
            MediatorTelemetry.Duration.Record(
                Stopwatch.GetElapsedTime(started).TotalSeconds,
                new KeyValuePair<string, object?>("crm.request", RequestName),
                new KeyValuePair<string, object?>("crm.outcome", outcome));
        }
    }
}
