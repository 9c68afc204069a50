using MediatR;

namespace Crm.Application.Common.Messaging;

/// <summary>
/// A request that changes data: it runs in one transaction and is audited under the action its
/// <see cref="Auditing.AuditActionAttribute"/> declares.
/// </summary>
public interface ICommand<out TResponse> : IRequest<TResponse>
{
}
