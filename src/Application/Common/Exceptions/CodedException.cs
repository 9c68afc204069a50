using Crm.Domain.Errors;

namespace Crm.Application.Common.Exceptions;

/// <summary>A failure answered with an entry of the error catalog, and a detail for people when there is one.</summary>
public abstract class CodedException(Error error, string? detail) : Exception(detail ?? error.Title)
{
    public Error Error { get; } = error;

    public string Code => Error.Code;

    /// <summary>What is particular to this occurrence; null when the catalog's title says it all.</summary>
    public string? Detail { get; } = detail;
}
