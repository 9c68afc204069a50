using Crm.TestSupport;
using Crm.WebApi.IntegrationTests.Support;


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

/// <summary>Base of HTTP tests: an empty database before each test, and a client speaking the API's JSON.</summary>
public abstract class ApiTest
{
    [SetUp]
    public Task ResetDatabase() => Testing.Database.ResetAsync();

    protected static Api NewApi() => new(Testing.Factory.CreateClient());
}
