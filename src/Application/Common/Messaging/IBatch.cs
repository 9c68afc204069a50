using MediatR;

namespace Crm.Application.Common.Messaging;

/// <summary>
/// A write of many records that sends one command per item, so that each item runs in its own transaction with its
/// own rules, timeline and audit entry, and one bad item fails alone. Not itself a command: it has no transaction
/// and no audit entry of its own, but it is refused to read-only callers as commands are.
/// </summary>
public interface IBatch<out TResponse> : IRequest<TResponse>
{
}
