namespace Crm.Domain.Common;

/// <summary>What kind of failure a broken rule is, so that every caller answers it the same way.</summary>
public enum DomainErrorKind
{
    /// <summary>The input breaks a business rule (HTTP 400).</summary>
    Invalid,
    /// <summary>The actor may not do this (HTTP 403).</summary>
    Forbidden,
    /// <summary>The thing acted on does not exist (HTTP 404).</summary>
    NotFound,
    /// <summary>The current state forbids it (HTTP 409).</summary>
    Conflict,
}
