namespace Crm.WebApi.Cli;

/// <summary>
/// What <c>serve</c> and <c>migrate</c> pass on to the host: settings as <c>--key=value</c> (<c>--urls=...</c>,
/// <c>--Email:SmtpHost=...</c>), and as <c>--key value</c> the host's own (<c>--urls</c>, <c>--environment</c>, ...)
/// and configuration paths (<c>--Email:SmtpHost smtp.example.com</c>). Anything else is refused, so that a mistyped
/// command or option (<c>serv</c>, <c>--forse</c>) is never taken for a setting.
/// </summary>
public static class HostArguments
{
    /// <summary>The host's settings that have no section (those of WebHostDefaults and HostDefaults).</summary>
    private static readonly HashSet<string> HostKeys = new(StringComparer.OrdinalIgnoreCase)
    {
        "urls", "http_ports", "https_ports", "https_port", "environment", "contentRoot", "applicationName", "webroot",
        "detailedErrors", "shutdownTimeoutSeconds", "preventHostingStartup", "hostingStartupAssemblies",
        "hostingStartupExcludeAssemblies", "suppressStatusMessages", "captureStartupErrors",
    };

    /// <summary>The first token that is not a setting (with its value), or null.</summary>
    public static string? FirstUnknown(IReadOnlyList<string> tokens)
    {
        for (var i = 0; i < tokens.Count; i++)
        {
            var token = tokens[i];
            if (!token.StartsWith("--", StringComparison.Ordinal))
            {
                return token;
            }

            var equals = token.IndexOf('=', StringComparison.Ordinal);
            if (equals > 2)
            {
                // --key=value: a setting, whatever its key (WebApplicationFactory passes its whole configuration this way).
                continue;
            }

            // --key value: only the host's settings and configuration paths, so that a mistyped option is never a setting.
            var key = token[2..];
            if (equals >= 0 || !(HostKeys.Contains(key) || key.Contains(':', StringComparison.Ordinal))
                || i + 1 >= tokens.Count || tokens[i + 1].StartsWith("--", StringComparison.Ordinal))
            {
                return token;
            }

            i++;
        }

        return null;
    }
}
