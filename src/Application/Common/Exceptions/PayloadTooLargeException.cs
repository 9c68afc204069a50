using Crm.Domain.Errors;

namespace Crm.Application.Common.Exceptions;

/// <summary>The request body is larger than allowed (HTTP 413).</summary>
public sealed class PayloadTooLargeException(Error error, string? detail = null) : CodedException(error, detail);
