using System.Text.RegularExpressions;
using Crm.Application.Common.Exceptions;
using Crm.Application.Common.Interfaces;
using Crm.Domain.Contacts;
using Crm.Domain.Errors;
using FluentValidation;

namespace Crm.Application.Contacts.Common;

public static partial class ContactRules
{
    public static IRuleBuilderOptions<T, string?> ContactName<T>(this IRuleBuilder<T, string?> rule) =>
        rule.NotEmpty().MaximumLength(Contact.NameMaxLength).Must(n => !string.IsNullOrWhiteSpace(n))
            .WithMessage("must not be blank");

    public static IRuleBuilderOptions<T, string?> ContactEmail<T>(this IRuleBuilder<T, string?> rule) =>
        rule.MaximumLength(Contact.EmailMaxLength).EmailAddress();

    /// <summary>5 to 20 digits, with + ( ) - . and spaces between them.</summary>
    public static IRuleBuilderOptions<T, string?> ContactPhone<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(p => p is null || (PhoneCharacters().IsMatch(p) && p.Count(char.IsAsciiDigit) is >= 5 and <= 20))
            .WithMessage("must have 5 to 20 digits, with only + ( ) - . and spaces besides");

    /// <summary>Refuses an email that another contact of the organization already has (409 <c>contact_email_taken</c>).</summary>
    public static async Task EnsureEmailFreeAsync(
        this IReadStore store, Guid organizationId, string? email, Guid? exceptContactId, CancellationToken ct)
    {
        var normalized = Contact.NormalizeEmail(email);
        if (normalized is not null && await store.AnyAsync(
                store.Query<Contact>().Where(c =>
                    c.OrganizationId == organizationId && c.NormalizedEmail == normalized && c.Id != exceptContactId),
                ct))
        {
            throw EmailTaken();
        }
    }

    public static ConflictException EmailTaken() =>
        new(ErrorCatalog.ContactEmailTaken);

    [GeneratedRegex(@"^[0-9+().\- ]+$")]
    private static partial Regex PhoneCharacters();
}
