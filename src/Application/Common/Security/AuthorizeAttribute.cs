namespace Crm.Application.Common.Security;

/// <summary>
/// Declares who may send a request: any signed-in user, or (with <see cref="Roles"/>) only users holding one of
/// the listed roles in the request's organization. Checked by AuthorizationBehaviour before validation.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = true)]
public sealed class AuthorizeAttribute : Attribute
{
    /// <summary>Comma-separated snake_case role names, such as <c>owner,admin</c>.</summary>
    public string Roles { get; set; } = string.Empty;
}
