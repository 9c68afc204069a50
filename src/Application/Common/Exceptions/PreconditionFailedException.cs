using Crm.Domain.Errors;

namespace Crm.Application.Common.Exceptions;

/// <summary>A condition the client set on the request does not hold (HTTP 412).</summary>
public sealed class PreconditionFailedException(Error error, string? detail = null) : CodedException(error, detail);
