using Crm.Application.Common.Interfaces;
using Microsoft.Extensions.DependencyInjection;

namespace Crm.WebApi.IntegrationTests.Support;

/// <summary>The service's own password hasher, counting how many passwords it evaluated.</summary>
public sealed class CountingPasswordHasher(IPasswordHasher inner) : IPasswordHasher
{
    private int _verifications;

    public int Verifications => Volatile.Read(ref _verifications);

    public string DecoyHash => inner.DecoyHash;

    public string Hash(string password) => inner.Hash(password);

    public PasswordCheck Verify(string hash, string password)
    {
        Interlocked.Increment(ref _verifications);
        return inner.Verify(hash, password);
    }

    /// <summary>Wraps the registered hasher in a counting one, which <paramref name="counter"/> receives.</summary>
    public static Action<IServiceCollection> Install(Action<CountingPasswordHasher> counter) => services =>
    {
        var registered = services.Single(d => d.ServiceType == typeof(IPasswordHasher));
        services.Remove(registered);
        services.AddSingleton<IPasswordHasher>(sp =>
        {
            var counting = new CountingPasswordHasher((IPasswordHasher)ActivatorUtilities.CreateInstance(sp, registered.ImplementationType!));
            counter(counting);
            return counting;
        });
    };
}
