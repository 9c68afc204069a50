namespace Crm.Application.Common.Messaging;

/// <summary>Whether a request is a command: decided here once, for every behaviour that treats commands apart.</summary>
public static class RequestKind
{
    public static bool IsCommand(Type requestType) => requestType.GetInterfaces()
        .Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(ICommand<>));

    /// <summary>Whether a request is a batch that sends one command per item.</summary>
    public static bool IsBatch(Type requestType) => requestType.GetInterfaces()
        .Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IBatch<>));

    /// <summary>Whether a request changes data: a command, or a batch of commands.</summary>
    public static bool IsWrite(Type requestType) => IsCommand(requestType) || IsBatch(requestType);
}

/// <summary>The kind of <typeparamref name="TRequest"/>, worked out once per request type.</summary>
public static class RequestKind<TRequest>
{
    public static bool IsCommand { get; } = RequestKind.IsCommand(typeof(TRequest));

    public static bool IsBatch { get; } = RequestKind.IsBatch(typeof(TRequest));

    public static bool IsWrite { get; } = RequestKind.IsWrite(typeof(TRequest));
}
