using Crm.Domain.Common;
using MediatR;

namespace Crm.Application.Common.Events;

/// <summary>Carries a domain event through the mediator, so that the Domain needs no mediator of its own.</summary>
public sealed record DomainEventNotification<TEvent>(TEvent DomainEvent) : INotification
    where TEvent : IDomainEvent;
