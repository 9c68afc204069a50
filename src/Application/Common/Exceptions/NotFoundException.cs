using Crm.Domain.Errors;

namespace Crm.Application.Common.Exceptions;

/// <summary>The record does not exist for this caller (HTTP 404).</summary>
public sealed class NotFoundException(Error error, string? detail = null) : CodedException(error, detail);
