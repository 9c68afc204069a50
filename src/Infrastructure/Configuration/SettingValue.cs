using System.Reflection;

namespace Crm.Infrastructure.Configuration;

/// <summary>One setting of a bound section: its configuration path (<c>Audit:Retention</c>), the property and its value.</summary>
public sealed record SettingValue(string Path, PropertyInfo Property, object? Value);
