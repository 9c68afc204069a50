using Crm.Domain.Email;

namespace Crm.Application.Email.Queries.ListOutbox;

/// <summary>One outgoing email and its delivery.</summary>
public sealed record OutboxMessageDto(
    Guid Id, string Template, string Recipient, string Subject, OutboxStatus Status, int Attempts, string? LastError,
    DateTime CreatedAt, DateTime NextAttemptAt, DateTime? SentAt);
