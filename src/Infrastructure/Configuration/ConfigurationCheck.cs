using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Crm.Infrastructure.Configuration;

/// <summary>
/// Reads every checked section (<see cref="CheckedOptions"/>) the way the service will: what is wrong, one line per
/// problem naming the setting, and the effective values with secrets masked.
/// </summary>
public static class ConfigurationCheck
{
    public static IReadOnlyList<string> Problems(IServiceProvider services)
    {
        var problems = new List<string>();
        foreach (var section in Sections(services))
        {
            try
            {
                _ = section.Read(services);
            }
            catch (OptionsValidationException e)
            {
                // A placeholder of the example file left in place is the one thing to fix: the format errors it causes are noise.
                var placeholders = e.Failures.Where(f => f.EndsWith(SettingValues.PlaceholderProblem, StringComparison.Ordinal)).ToList();
                problems.AddRange(placeholders.Count > 0 ? placeholders : e.Failures);
            }
            catch (InvalidOperationException e)
            {
                // A value the binder cannot convert: its message names the setting ("...value at 'Audit:Retention'...").
                problems.Add(e.Message);
            }
        }

        return problems.Distinct().ToList();
    }

    /// <summary>Throws <see cref="InvalidConfigurationException"/> naming every problem, before anything reads a setting that cannot work.</summary>
    public static void ThrowIfInvalid(IServiceProvider services)
    {
        var problems = Problems(services);
        if (problems.Count > 0)
        {
            throw new InvalidConfigurationException(problems);
        }
    }

    /// <summary>Every setting of every checked section as the service sees it, defaults included, secrets masked.</summary>
    public static IReadOnlyList<(string Path, string Value)> Effective(IServiceProvider services)
    {
        var settings = new List<(string Path, string Value)>();
        foreach (var section in Sections(services))
        {
            object? options;
            try
            {
                options = section.Read(services);
            }
            catch (OptionsValidationException)
            {
                // Shown as configured, without the development defaults that a valid section would be completed with.
                options = services.GetRequiredService<IConfiguration>().GetSection(section.Name).Get(section.OptionsType)
                    ?? Activator.CreateInstance(section.OptionsType);
            }
            catch (InvalidOperationException)
            {
                settings.Add((section.Name, "(unreadable: see the problems below)"));
                continue;
            }

            if (options is not null)
            {
                settings.AddRange(SettingValues.Walk(section.Name, options).Select(s => (s.Path, SettingValues.Display(s))));
            }
        }

        return settings;
    }

    private static IEnumerable<CheckedSection> Sections(IServiceProvider services) =>
        services.GetServices<CheckedSection>().DistinctBy(s => s.OptionsType);
}
