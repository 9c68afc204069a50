using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Crm.Infrastructure.Configuration;

/// <summary>
/// The rules every section follows: durations and counts are positive unless a <c>[Range]</c> on the setting says
/// otherwise, and outside Development no secret keeps the placeholder of the example environment file.
/// </summary>
public sealed class SettingRules<TOptions>(IEnumerable<CheckedSection> sections, IHostEnvironment environment) : IValidateOptions<TOptions>
    where TOptions : class
{
    private readonly string _section = sections.First(s => s.OptionsType == typeof(TOptions)).Name;

    public ValidateOptionsResult Validate(string? name, TOptions options)
    {
        var problems = SettingValues.Problems(_section, options, refusePlaceholders: !environment.IsDevelopment()).ToList();
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
