using System.Diagnostics;
using Crm.Application.Common.Security;
using MediatR;
using Microsoft.Extensions.Logging;

namespace Crm.Application.Common.Behaviours;

/// <summary>Logs each request's name, caller and duration; never its payload, which carries personal data.</summary>
public sealed class LoggingBehaviour<TRequest, TResponse>(
    ILogger<LoggingBehaviour<TRequest, TResponse>> logger, IRequestContext context)
    : IPipelineBehavior<TRequest, TResponse>
{
    public async Task<TResponse> Handle(
        TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        var started = Stopwatch.GetTimestamp();
        var response = await next();
        if (logger.IsEnabled(LogLevel.Debug))
        {
            logger.LogDebug(
                "Handled {RequestName} for user {UserId} in organization {OrganizationId} in {ElapsedMs:0.0} ms",
                typeof(TRequest).Name,
                context.UserId,
                context.OrganizationId,
                Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }

        return response;
    }
}
