namespace Crm.WebApi.Cli;

/// <summary>
/// What <c>serve</c> and <c>migrate</c> pass on to the host: ASP.NET Core's own settings (<c>--urls</c>,
/// <c>--environment</c>, ...) and configuration paths (<c>--Email:SmtpHost=...</c>), as <c>--key=value</c> or
/// <c>--key value</c>. Anything else is refused, so that a mistyped command or option is never taken for a setting.
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

    /// <summary>The first token that is neither a host setting nor a configuration path (with its value), or null.</summary>
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
            var key = equals < 0 ? token[2..] : token[2..equals];
            if (key.Length == 0 || !(HostKeys.Contains(key) || key.Contains(':', StringComparison.Ordinal)))
            {
                return token;
            }

            if (equals < 0)
            {
                if (i + 1 >= tokens.Count || tokens[i + 1].StartsWith("--", StringComparison.Ordinal))
                {
                    return token;
                }

                i++;
            }
        }

        return null;
    }
}
