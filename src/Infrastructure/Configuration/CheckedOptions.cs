using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Crm.Infrastructure.Configuration;

/// <summary>How every settings section is registered: bound, checked by <see cref="SettingRules{TOptions}"/> and its own rules, at start-up.</summary>
public static class CheckedOptions
{
    public static OptionsBuilder<TOptions> AddCheckedOptions<TOptions>(this IServiceCollection services, string section)
        where TOptions : class
    {
        services.AddSingleton(new CheckedSection(section, typeof(TOptions), sp => sp.GetRequiredService<IOptions<TOptions>>().Value));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TOptions>, SettingRules<TOptions>>());
        return services.AddOptions<TOptions>().BindConfiguration(section).ValidateOnStart();
    }
}
