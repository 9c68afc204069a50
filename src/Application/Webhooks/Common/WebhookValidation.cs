using Crm.Domain.Webhooks;
using FluentValidation;

namespace Crm.Application.Webhooks.Common;

public static class WebhookValidation
{
    /// <summary>An absolute http(s) URL without credentials or fragment; whether it may be called is the target policy's call.</summary>
    public static IRuleBuilderOptions<T, string?> WebhookUrl<T>(this IRuleBuilder<T, string?> rule) =>
        rule.NotEmpty().MaximumLength(Webhook.UrlMaxLength)
            .Must(u => Uri.TryCreate(u, UriKind.Absolute, out var uri)
                && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
                && uri.UserInfo.Length == 0 && uri.Fragment.Length == 0 && !string.IsNullOrEmpty(uri.Host))
            .WithMessage("Give an absolute https URL without user name, password or fragment.");

    public static IRuleBuilderOptions<T, IReadOnlyList<string>?> WebhookEvents<T>(this IRuleBuilder<T, IReadOnlyList<string>?> rule) =>
        rule.NotEmpty().Must(e => e!.Count <= Webhook.MaxEvents)
            .WithMessage($"Subscribe to at most {Webhook.MaxEvents} event types or patterns.");

    public static IRuleBuilderOptions<T, string?> WebhookDescription<T>(this IRuleBuilder<T, string?> rule) =>
        rule.MaximumLength(Webhook.DescriptionMaxLength);
}
