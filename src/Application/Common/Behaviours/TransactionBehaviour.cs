using Crm.Application.Common.Interfaces;
using Crm.Application.Common.Messaging;
using MediatR;

namespace Crm.Application.Common.Behaviours;

/// <summary>Runs each command, and everything it changes, in one transaction committed once at the end.</summary>
public sealed class TransactionBehaviour<TRequest, TResponse>(IUnitOfWork unitOfWork)
    : IPipelineBehavior<TRequest, TResponse>
{
    public Task<TResponse> Handle(
        TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next) =>
        RequestKind<TRequest>.IsCommand ? unitOfWork.ExecuteInTransactionAsync(_ => next(), cancellationToken) : next();
}
