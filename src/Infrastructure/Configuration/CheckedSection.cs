namespace Crm.Infrastructure.Configuration;

/// <summary>A configuration section bound to <see cref="OptionsType"/> and checked at start-up; <see cref="Read"/> binds and validates it.</summary>
public sealed record CheckedSection(string Name, Type OptionsType, Func<IServiceProvider, object> Read);
