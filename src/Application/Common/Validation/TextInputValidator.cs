using System.Collections;
using System.Collections.Concurrent;
using System.Reflection;
using System.Text.Json;
using Crm.Domain.Common;
using FluentValidation;

namespace Crm.Application.Common.Validation;

/// <summary>
/// Applies <see cref="TextInput"/> to every text a request carries, whatever its type: each string property, nested
/// records, lists of strings and partial-update fields, named by their snake_case path. Registered for every
/// request, so a new command or query is covered without a rule of its own.
/// </summary>
public sealed class TextInputValidator<T> : AbstractValidator<T>
{
    private const int MaxDepth = 4;
    private static readonly ConcurrentDictionary<Type, IReadOnlyList<TextProperty>> Properties = new();

    public TextInputValidator()
    {
        RuleFor(request => request).Custom((request, context) =>
        {
            foreach (var (path, message) in Refusals(request, string.Empty, 0))
            {
                context.AddFailure(path, message);
            }
        });
    }

    private static IEnumerable<(string Path, string Message)> Refusals(object? value, string path, int depth)
    {
        if (value is null || depth > MaxDepth)
        {
            yield break;
        }

        foreach (var property in Properties.GetOrAdd(value.GetType(), Describe))
        {
            var name = path.Length == 0 ? property.Name : $"{path}.{property.Name}";
            foreach (var refusal in RefusalsOf(property.Read(value), name, property.Multiline, depth))
            {
                yield return refusal;
            }
        }
    }

    private static IEnumerable<(string Path, string Message)> RefusalsOf(object? value, string name, bool multiline, int depth)
    {
        switch (value)
        {
            case null:
                yield break;
            case string text:
                if (TextInput.Refusal(text, multiline) is { } message)
                {
                    yield return (name, message);
                }

                yield break;
            case var optional when IsOptional(optional.GetType()):
                var set = (bool)optional.GetType().GetProperty(nameof(Optional<int>.IsSet))!.GetValue(optional)!;
                var inner = set ? optional.GetType().GetProperty(nameof(Optional<int>.Value))!.GetValue(optional) : null;
                foreach (var refusal in RefusalsOf(inner, name, multiline, depth))
                {
                    yield return refusal;
                }

                yield break;
            case IEnumerable items when value.GetType() != typeof(string):
                var index = 0;
                foreach (var item in items)
                {
                    foreach (var refusal in RefusalsOf(item, $"{name}[{index++}]", multiline, depth + 1))
                    {
                        yield return refusal;
                    }
                }

                yield break;
            default:
                if (IsOwnRecord(value.GetType()))
                {
                    foreach (var refusal in Refusals(value, name, depth + 1))
                    {
                        yield return refusal;
                    }
                }

                yield break;
        }
    }

    private static bool IsOptional(Type type) => type.IsGenericType && type.GetGenericTypeDefinition() == typeof(Optional<>);

    /// <summary>The API's own request shapes are walked; framework values (streams, dates, ids) carry no text.</summary>
    private static bool IsOwnRecord(Type type) =>
        type.IsClass && type.Namespace?.StartsWith("Crm.", StringComparison.Ordinal) == true;

    private static IReadOnlyList<TextProperty> Describe(Type type)
    {
        var parameters = type.GetConstructors().SelectMany(c => c.GetParameters())
            .Where(p => p.GetCustomAttribute<MultilineTextAttribute>() is not null)
            .Select(p => p.Name)
            .ToHashSet(StringComparer.Ordinal);
        return type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.CanRead && p.GetIndexParameters().Length == 0 && p.Name != "EqualityContract")
            .Select(p => new TextProperty(
                JsonNamingPolicy.SnakeCaseLower.ConvertName(p.Name),
                p.GetCustomAttribute<MultilineTextAttribute>() is not null || parameters.Contains(p.Name),
                p.GetValue))
            .ToList();
    }

    private sealed record TextProperty(string Name, bool Multiline, Func<object?, object?> Read);
}
