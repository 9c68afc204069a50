using System.Text.RegularExpressions;
using Crm.Domain.Errors;

namespace Crm.Architecture.Tests;

/// <summary>Checks that read the source: where types live and where error codes are written.</summary>
public sealed partial class SourceTests
{
    [Test]
    public void No_error_code_is_written_as_a_string_outside_the_catalog()
    {
        var codes = ErrorCatalog.All.Select(e => e.Code).ToHashSet();
        var catalog = Path.Combine("Domain", "Errors", "ErrorCatalog.cs");
        var offending = new List<string>();
        foreach (var file in Repository.SourceFiles().Where(f => !f.EndsWith(catalog, StringComparison.Ordinal)))
        {
            foreach (var (line, number) in File.ReadLines(file).Select((l, i) => (l, i + 1)))
            {
                offending.AddRange(StringLiteral().Matches(line).Select(m => m.Groups[1].Value).Where(codes.Contains)
                    .Select(code => $"{Path.GetRelativePath(Repository.Root, file)}:{number} \"{code}\""));
            }
        }

        offending.ShouldBeEmpty();
    }

    [Test]
    public void Every_interface_and_validator_lives_in_a_file_named_after_it()
    {
        var misplaced = new List<string>();
        foreach (var file in Repository.SourceFiles())
        {
            foreach (Match declaration in OwnFileDeclaration().Matches(File.ReadAllText(file)))
            {
                var name = declaration.Groups[1].Success ? declaration.Groups[1].Value : declaration.Groups[2].Value;
                if (name != Path.GetFileNameWithoutExtension(file))
                {
                    misplaced.Add($"{name} in {Path.GetRelativePath(Repository.Root, file)}");
                }
            }
        }

        misplaced.ShouldBeEmpty();
    }

    [GeneratedRegex("\"([a-z]+(?:_[a-z]+)+)\"")]
    private static partial Regex StringLiteral();

    [GeneratedRegex(@"^(?:public|internal) (?:partial )?(?:interface (I[A-Za-z0-9]+)|sealed class ([A-Za-z0-9]+Validator)\b)", RegexOptions.Multiline)]
    private static partial Regex OwnFileDeclaration();
}
