namespace Crm.Application.Common.Concurrency;

/// <summary>An answer that shows one record, with the version the record has in the answer (its ETag).</summary>
public interface IVersionedResource
{
    Guid Id { get; }

    uint Version { get; set; }
}
