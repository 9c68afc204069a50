using Crm.Application.Common.Interfaces;
using Crm.Application.Common.Messaging;
using MediatR;

namespace Crm.Application.Common.Behaviours;

/// <summary>Runs each command, and everything it changes, in one transaction committed once at the end.</summary>
public sealed class TransactionBehaviour<TRequest, TResponse>(IUnitOfWork unitOfWork)
    : IPipelineBehavior<TRequest, TResponse>
{
    private static readonly bool IsCommand = typeof(TRequest).GetInterfaces()
        .Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(ICommand<>));

    public Task<TResponse> Handle(
        TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next) =>
        IsCommand ? unitOfWork.ExecuteInTransactionAsync(_ => next(), cancellationToken) : next();
}
