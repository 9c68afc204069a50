using Crm.Domain.Errors;

namespace Crm.Application.Common.Exceptions;

/// <summary>The content is of a type that is not accepted (HTTP 415).</summary>
public sealed class UnsupportedMediaTypeException(Error error, string? detail = null) : CodedException(error, detail);
