using Crm.Application.Common.Interfaces;
using Crm.Application.Common.Messaging;
using Crm.Application.Common.Models;
using Crm.Application.Common.Security;
using Crm.Domain.Email;
using FluentValidation;
using MediatR;

namespace Crm.Application.Email.Queries.ListOutbox;

/// <summary>The organization's outgoing emails with their delivery status, newest first (owner, admin).</summary>
[Authorize(Roles = "owner,admin")]
public sealed record ListOutboxQuery(int Page = 1, int PageSize = Paging.DefaultPageSize)
    : IQuery<PagedList<OutboxMessageDto>>, IOrganizationScoped, IPagedRequest;

public sealed record OutboxMessageDto(
    Guid Id, string Template, string Recipient, string Subject, OutboxStatus Status, int Attempts, string? LastError,
    DateTime CreatedAt, DateTime NextAttemptAt, DateTime? SentAt);

public sealed class ListOutboxQueryHandler(IReadStore store, IRequestContext context)
    : IRequestHandler<ListOutboxQuery, PagedList<OutboxMessageDto>>
{
    public Task<PagedList<OutboxMessageDto>> Handle(ListOutboxQuery request, CancellationToken cancellationToken)
    {
        var organizationId = context.RequireOrganizationId();
        var query = store.Query<OutboxMessage>()
            .Where(m => m.OrganizationId == organizationId)
            .OrderByDescending(m => m.CreatedAt)
            .ThenByDescending(m => m.Id)
            .Select(m => new OutboxMessageDto(
                m.Id, m.Template, m.Recipient, m.Subject, m.Status, m.Attempts, m.LastError, m.CreatedAt, m.NextAttemptAt, m.SentAt));
        return store.ToPageAsync(query, request, cancellationToken);
    }
}
