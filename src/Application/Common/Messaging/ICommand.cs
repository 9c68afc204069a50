using MediatR;

namespace Crm.Application.Common.Messaging;

/// <summary>A request that changes data: it runs in one transaction (see TransactionBehaviour).</summary>
public interface ICommand<out TResponse> : IRequest<TResponse>
{
}

/// <summary>A request that only reads.</summary>
public interface IQuery<out TResponse> : IRequest<TResponse>
{
}
