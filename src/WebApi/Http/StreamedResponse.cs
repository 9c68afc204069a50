namespace Crm.WebApi.Http;

/// <summary>
/// Streams a body whose rows come from the database: the query runs (and fails, if it must) before the status line
/// is sent, so its errors are ordinary problems; a failure once bytes have gone out is logged and aborts the
/// response, so the client sees a broken transfer rather than a body that merely looks short.
/// </summary>
public static class StreamedResponse
{
    /// <summary>Runs the query up to its first row, and answers the rows from there.</summary>
    public static async Task<IAsyncEnumerable<T>> StartAsync<T>(IAsyncEnumerable<T> rows, CancellationToken cancellationToken)
    {
        var enumerator = rows.GetAsyncEnumerator(cancellationToken);
        try
        {
            var any = await enumerator.MoveNextAsync();
            return Remaining(enumerator, any);
        }
        catch
        {
            await enumerator.DisposeAsync();
            throw;
        }
    }

    /// <summary>Writes the body; a failure after the first byte ends the connection instead of the body.</summary>
    public static Func<Stream, Task> AbortingOnFailure(HttpContext http, ILogger logger, Func<Stream, Task> write) => async body =>
    {
        try
        {
            await write(body);
        }
        catch (Exception exception) when (!http.RequestAborted.IsCancellationRequested)
        {
            logger.LogError(exception, "Streaming {Path} failed after the response began; aborting it", http.Request.Path);
            http.Abort();
        }
    };

    private static async IAsyncEnumerable<T> Remaining<T>(IAsyncEnumerator<T> enumerator, bool any)
    {
        await using (enumerator)
        {
            if (!any)
            {
                yield break;
            }

            do
            {
                yield return enumerator.Current;
            }
            while (await enumerator.MoveNextAsync());
        }
    }
}
