using Crm.Application.Common.Interfaces;
using Crm.Application.Common.Messaging;
using Crm.Application.Common.Security;
using Crm.Domain.Common;
using MediatR;

namespace Crm.Application.Auth.Queries.ListMySessions;

/// <summary>The caller's live sessions, newest first, the current one marked.</summary>
[Authorize]
public sealed record ListMySessionsQuery : IQuery<SessionList>;

public sealed class ListMySessionsQueryHandler(IReadStore store, IRequestContext context, TimeProvider time)
    : IRequestHandler<ListMySessionsQuery, SessionList>
{
    public async Task<SessionList> Handle(ListMySessionsQuery request, CancellationToken cancellationToken)
    {
        var spec = new MyLiveSessionsSpecification(context.RequireUserId(), context.SessionId, time.UtcNow());
        return new SessionList(await store.ToListAsync(store.Query(spec), cancellationToken));
    }
}
