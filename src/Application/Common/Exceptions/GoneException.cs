using Crm.Domain.Errors;

namespace Crm.Application.Common.Exceptions;

/// <summary>What the request names existed but is gone for good (HTTP 410).</summary>
public sealed class GoneException(Error error, string? detail = null) : CodedException(error, detail);
