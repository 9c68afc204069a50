using Crm.Domain.Deals;

namespace Crm.Application.Analytics.Reports;

/// <summary>Deals of one owner that closed with one status, in one currency, with the days they took from creation, summed.</summary>
public sealed record ClosingRow(Guid OwnerId, DealStatus Status, string Currency, int Count, decimal Amount, double Days);
