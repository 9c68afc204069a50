namespace Crm.Domain.Errors;

/// <summary>
/// What kind of failure an error is, so that every caller answers it the same way. Each kind is numbered by the
/// HTTP status it is answered with: the one place where a failure meets its status.
/// </summary>
public enum ErrorKind
{
    /// <summary>The input is malformed or breaks a business rule.</summary>
    Invalid = 400,
    /// <summary>No valid credentials, token or session.</summary>
    Unauthenticated = 401,
    /// <summary>The actor may not do this.</summary>
    Forbidden = 403,
    /// <summary>The thing acted on does not exist (for this caller).</summary>
    NotFound = 404,
    /// <summary>The resource does not answer this method.</summary>
    MethodNotAllowed = 405,
    /// <summary>No representation the caller accepts.</summary>
    NotAcceptable = 406,
    /// <summary>The current state forbids it: duplicate, still referenced, concurrent update.</summary>
    Conflict = 409,
    /// <summary>What the request names is gone for good (a feed position past retention).</summary>
    Gone = 410,
    /// <summary>A condition of the request (If-Match) does not hold: the record changed since the client read it.</summary>
    PreconditionFailed = 412,
    /// <summary>The request or its file is larger than allowed.</summary>
    TooLarge = 413,
    /// <summary>The content is of a type that is not accepted.</summary>
    UnsupportedMediaType = 415,
    /// <summary>The byte range asked for lies wholly outside the file.</summary>
    RangeNotSatisfiable = 416,
    /// <summary>The request is well formed but cannot be processed as sent (a key reused for another request).</summary>
    Unprocessable = 422,
    /// <summary>Too many requests; the answer says when to retry.</summary>
    TooManyRequests = 429,
    /// <summary>An unexpected failure; nothing about it is shown.</summary>
    Internal = 500,
}
