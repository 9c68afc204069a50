namespace Crm.Application.Common.Batches;

/// <summary>How many items of a batch ended in each status.</summary>
public sealed record BatchCounts(int Created, int Updated, int Unchanged, int Failed);
