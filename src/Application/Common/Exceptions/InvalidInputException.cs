using Crm.Domain.Errors;

namespace Crm.Application.Common.Exceptions;

/// <summary>The request's input cannot be used (HTTP 400), for rules a validator cannot express.</summary>
public sealed class InvalidInputException(Error error, string? detail = null) : CodedException(error, detail);
