namespace Crm.Infrastructure.Imports;

/// <summary>What the rows of one committed chunk did.</summary>
internal readonly record struct ImportChunkCounts(long Created, long Updated, long Unchanged, long Failed)
{
    public long Written => Created + Updated;
}
