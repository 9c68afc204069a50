using Crm.Domain.Errors;

namespace Crm.Application.Common.Exceptions;

/// <summary>The current state conflicts with the request: duplicate, still referenced, concurrent update (HTTP 409).</summary>
public sealed class ConflictException(Error error, string? detail = null) : CodedException(error, detail);
