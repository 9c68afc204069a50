using Crm.Domain.Errors;

namespace Crm.Application.Common.Exceptions;

/// <summary>The caller may not do this (HTTP 403).</summary>
public sealed class ForbiddenException(Error error, string? detail = null) : CodedException(error, detail);
