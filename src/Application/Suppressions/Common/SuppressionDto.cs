using Crm.Domain.Suppressions;

namespace Crm.Application.Suppressions.Common;

/// <summary>One entry of the suppression list: the address's hash (never the address), why, and since when.</summary>
public sealed record SuppressionDto(string Hash, SuppressionReason Reason, DateTime CreatedAt);
