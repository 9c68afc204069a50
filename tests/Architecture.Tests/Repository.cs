namespace Crm.Architecture.Tests;

/// <summary>The checkout these tests were built from, for the checks that read source files.</summary>
public static class Repository
{
    public static string Root { get; } = Find();

    /// <summary>Every C# source file of the product (src/), without build output.</summary>
    public static IEnumerable<string> SourceFiles() =>
        Directory.EnumerateFiles(Path.Combine(Root, "src"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                        && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal));

    private static string Find()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Crm.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("No Crm.sln above " + AppContext.BaseDirectory);
    }
}
