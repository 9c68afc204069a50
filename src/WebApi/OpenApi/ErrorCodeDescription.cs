using System.Text;
using Crm.Domain.Errors;

namespace Crm.WebApi.OpenApi;

/// <summary>The problem's <c>code</c> property as the document describes it: every code of the error catalog.</summary>
public static class ErrorCodeDescription
{
    public static string Text { get; } = Build();

    private static string Build()
    {
        var text = new StringBuilder("Stable, snake_case, machine-readable. Every code the API answers with:");
        foreach (var error in ErrorCatalog.All.DistinctBy(e => e.Code))
        {
            text.Append($"\n- `{error.Code}` ({error.Status}): {error.Title}");
        }

        return text.ToString();
    }
}
