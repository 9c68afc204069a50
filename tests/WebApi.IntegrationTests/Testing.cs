using Crm.TestSupport;
using Crm.WebApi.IntegrationTests.Support;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.DependencyInjection;

namespace Crm.WebApi.IntegrationTests;

/// <summary>One database and one in-memory API for the whole assembly; tests reset the data, not the schema.</summary>
[SetUpFixture]
public sealed class Testing
{
    private static TestDatabase? _database;
    private static CrmApiFactory? _factory;

    public static TestDatabase Database => _database ?? throw new InvalidOperationException("Not set up.");

    public static CrmApiFactory Factory => _factory ?? throw new InvalidOperationException("Not set up.");

    [OneTimeSetUp]
    public async Task CreateDatabaseAndApi()
    {
        _database = await TestDatabase.CreateAsync("crm_test_webapi");
        _factory = new CrmApiFactory(_database.ConnectionString);
    }

    [OneTimeTearDown]
    public async Task DisposeAll()
    {
        if (_factory is not null)
        {
            await _factory.DisposeAsync();
        }

        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }
}

/// <summary>
/// Base of HTTP tests: an empty database and an empty in-process memory before each test (the shared service's
/// sign-in throttle lives there, and every test signs in from the same loopback address), and a client speaking the
/// API's JSON.
/// </summary>
public abstract class ApiTest
{
    [SetUp]
    public Task ResetDatabase()
    {
        (Testing.Factory.Services.GetRequiredService<IMemoryCache>() as MemoryCache)?.Clear();
        return Testing.Database.ResetAsync();
    }

    protected static Api NewApi() => new(Testing.Factory.CreateClient());
}
