using Crm.Domain.Errors;

namespace Crm.Application.Common.Exceptions;

/// <summary>No valid credentials or session (HTTP 401).</summary>
public sealed class UnauthorizedException(Error error, string? detail = null) : CodedException(error, detail);
