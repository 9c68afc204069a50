namespace Crm.WebApi.Http;

/// <summary>Reads a request's <c>Range</c> header the way the framework's file results do (RFC 9110, section 14).</summary>
public static class ByteRanges
{
    /// <summary>
    /// Whether the request asks for byte ranges of which none lies in a file of <paramref name="length"/> bytes. A
    /// header that does not parse, another unit or an <c>If-Range</c> is not such a request: the whole file is sent.
    /// </summary>
    public static bool Unsatisfiable(HttpRequest request, long length)
    {
        if (request.Headers.IfRange.Count > 0)
        {
            return false;
        }

        var range = request.GetTypedHeaders().Range;
        if (range is null || !range.Unit.Equals("bytes", StringComparison.OrdinalIgnoreCase) || range.Ranges.Count == 0)
        {
            return false;
        }

        return range.Ranges.All(r => r.From is { } from ? from >= length : length == 0 || r.To is null or 0);
    }
}
