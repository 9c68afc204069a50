using Crm.Application.Common.Exceptions;
using Crm.Domain.Common;
using MediatR;
using Microsoft.Extensions.Logging;

namespace Crm.Application.Common.Behaviours;

/// <summary>Logs failures that no rule explains (bugs, outages) with the request's name, then rethrows.</summary>
public sealed class UnhandledExceptionBehaviour<TRequest, TResponse>(
    ILogger<UnhandledExceptionBehaviour<TRequest, TResponse>> logger)
    : IPipelineBehavior<TRequest, TResponse>
{
    public async Task<TResponse> Handle(
        TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        try
        {
            return await next();
        }
        catch (Exception ex) when (ex is not (CodedException or ValidationException or BusinessRuleException
                                       or OperationCanceledException))
        {
            logger.LogError(ex, "Request {RequestName} failed unexpectedly", typeof(TRequest).Name);
            throw;
        }
    }
}
