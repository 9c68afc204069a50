namespace Crm.Application.Common.Messaging;

/// <summary>Whether a request is a command: decided here once, for every behaviour that treats commands apart.</summary>
public static class RequestKind
{
    public static bool IsCommand(Type requestType) => requestType.GetInterfaces()
        .Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(ICommand<>));
}

/// <summary>The kind of <typeparamref name="TRequest"/>, worked out once per request type.</summary>
public static class RequestKind<TRequest>
{
    public static bool IsCommand { get; } = RequestKind.IsCommand(typeof(TRequest));
}
