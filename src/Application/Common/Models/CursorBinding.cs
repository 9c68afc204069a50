using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Crm.Application.Common.Models;

/// <summary>
/// What a cursor belongs to: the list (the request's type), its filters and order (every property of the request
/// but the paging ones) and its reader (organization and user). A cursor of another list, other filters or another
/// organization has another binding and is refused, rather than silently paging through something else.
/// </summary>
public static class CursorBinding
{
    private static readonly HashSet<string> PagingProperties =
        [nameof(IPagedRequest.Page), nameof(IPagedRequest.PageSize), nameof(IPagedRequest.Cursor)];

    public static string Of(IPagedRequest request, string reader)
    {
        var filters = JsonSerializer.SerializeToNode(request, request.GetType()) as JsonObject ?? [];
        foreach (var name in PagingProperties)
        {
            filters.Remove(name);
        }

        var text = $"{request.GetType().FullName}\n{reader}\n{filters.ToJsonString()}";
        return Base64Url.EncodeToString(SHA256.HashData(Encoding.UTF8.GetBytes(text)).AsSpan(0, 12));
    }
}
