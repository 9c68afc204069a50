using System.Reflection;
using Crm.Application.Common.Messaging;
using Crm.Domain.Common;
using FluentValidation;
using MediatR;

namespace Crm.Architecture.Tests;

/// <summary>One convention per concern: how handlers, commands and rules are written.</summary>
public sealed class ConventionTests
{
    private static readonly Assembly Application = typeof(Application.DependencyInjection).Assembly;
    private static readonly Assembly Domain = typeof(Entity).Assembly;

    [Test]
    public void Request_handlers_are_sealed_and_named_after_their_request()
    {
        var handlers = Application.GetTypes().Where(t => Implements(t, typeof(IRequestHandler<,>))).ToList();

        handlers.Count.ShouldBeGreaterThan(40);
        foreach (var handler in handlers)
        {
            handler.IsSealed.ShouldBeTrue(handler.Name);
            handler.Name.ShouldEndWith("Handler", Case.Sensitive, handler.Name);
            var request = handler.GetInterfaces().First(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IRequestHandler<,>))
                .GetGenericArguments()[0];
            handler.Name.ShouldBe(request.Name + "Handler");
        }
    }

    [Test]
    public void Event_handlers_are_sealed()
    {
        var handlers = Application.GetTypes().Where(t => Implements(t, typeof(INotificationHandler<>))).ToList();

        handlers.ShouldNotBeEmpty();
        handlers.ShouldAllBe(h => h.IsSealed);
    }

    [Test]
    public void Every_command_has_a_validator_or_says_why_not()
    {
        var validated = Application.GetTypes().Where(t => !t.IsAbstract)
            .SelectMany(t => t.GetInterfaces())
            .Where(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IValidator<>))
            .Select(i => i.GetGenericArguments()[0])
            .ToHashSet();

        foreach (var command in Application.GetTypes().Where(RequestKind.IsCommand))
        {
            var reason = command.GetCustomAttribute<NoValidatorAttribute>()?.Reason;
            (validated.Contains(command) ^ !string.IsNullOrWhiteSpace(reason)).ShouldBeTrue(
                $"{command.Name} needs either a validator or [NoValidator(\"why\")], not both");
        }
    }

    [Test]
    public void Business_rules_live_one_per_file_in_a_rules_namespace()
    {
        var rules = Domain.GetTypes().Where(t => typeof(IBusinessRule).IsAssignableFrom(t) && !t.IsInterface).ToList();

        rules.Count.ShouldBeGreaterThan(10);
        foreach (var rule in rules)
        {
            rule.Namespace.ShouldNotBeNull();
            rule.Namespace.ShouldEndWith(".Rules", Case.Sensitive, rule.Name);
            var folder = Path.Combine([Repository.Root, "src", "Domain", .. rule.Namespace["Crm.Domain.".Length..].Split('.')]);
            File.Exists(Path.Combine(folder, rule.Name + ".cs")).ShouldBeTrue($"{rule.Name} in {folder}");
        }
    }

    private static bool Implements(Type type, Type openInterface) =>
        !type.IsAbstract && type.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == openInterface);
}
