namespace Crm.WebApi.IntegrationTests.Support;

/// <summary>Files of the checkout the tests run from.</summary>
public static class RepositoryFiles
{
    public static string Root()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Crm.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("The repository root (Crm.sln) was not found above the test binaries.");
    }

    /// <summary>The service's executable as built in the tests' own configuration (Debug or Release).</summary>
    public static string ServiceAssembly()
    {
        var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
            ? "Release"
            : "Debug";
        return Path.Combine(Root(), "src", "WebApi", "bin", configuration, "net10.0", "Crm.WebApi.dll");
    }
}
