using System.IO.Compression;
using System.IO.Pipelines;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace Crm.WebApi.Http;

/// <summary>
/// Compresses JSON and CSV answers larger than <see cref="Threshold"/> with Brotli or gzip, whichever the client
/// accepts (Brotli first). ASP.NET Core's own middleware cannot leave small answers alone (their length is unknown
/// while they are written), so this one holds back the first kilobyte and decides once it knows more. Files, ranges and anything already encoded pass through untouched.
/// </summary>
public sealed class ResponseCompressionMiddleware(RequestDelegate next)
{
    public const int Threshold = 1024;

    public async Task InvokeAsync(HttpContext http)
    {
        var original = http.Features.Get<IHttpResponseBodyFeature>()!;
        var body = new CompressingBody(http, original, Negotiate(http.Request.Headers.AcceptEncoding));
        http.Features.Set<IHttpResponseBodyFeature>(body);
        try
        {
            await next(http);
            await body.FinishAsync();
        }
        finally
        {
            http.Features.Set(original);
        }
    }

    /// <summary>br or gzip by the client's q-values (Brotli on a tie); null when it accepts neither.</summary>
    public static string? Negotiate(StringValues acceptEncoding)
    {
        if (!StringWithQualityHeaderValue.TryParseList(acceptEncoding, out var offered))
        {
            return null;
        }

        double Quality(string coding)
        {
            var named = offered.Where(o => StringSegment.Equals(o.Value, coding, StringComparison.OrdinalIgnoreCase)).ToList();
            return named.Count > 0
                ? named.Max(o => o.Quality ?? 1)
                : offered.Where(o => o.Value == "*").Select(o => o.Quality ?? 1).DefaultIfEmpty(0).Max();
        }

        var (br, gzip) = (Quality("br"), Quality("gzip"));
        return br > 0 && br >= gzip ? "br" : gzip > 0 ? "gzip" : null;
    }

    /// <summary>Whether an answer is text worth compressing, not already encoded, not a file or a range.</summary>
    public static bool IsCompressible(HttpResponse response)
    {
        if (response.StatusCode is StatusCodes.Status206PartialContent or StatusCodes.Status204NoContent or StatusCodes.Status304NotModified
            || response.Headers.ContentEncoding.Count > 0 || response.Headers.ContentRange.Count > 0 || response.Headers.AcceptRanges.Count > 0
            || !MediaTypeHeaderValue.TryParse(response.ContentType, out var type))
        {
            return false;
        }

        return type.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase)
            || type.MediaType.Equals("application/problem+json", StringComparison.OrdinalIgnoreCase)
            || type.MediaType.Equals("text/csv", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>The response body while the decision is pending: bytes are held until there are enough to decide.</summary>
    private sealed class CompressingBody(HttpContext http, IHttpResponseBodyFeature original, string? encoding)
        : Stream, IHttpResponseBodyFeature
    {
        private MemoryStream? _held = new();
        private Stream? _target;
        private Stream? _compressor;
        private PipeWriter? _writer;

        public Stream Stream => this;

        public PipeWriter Writer => _writer ??= PipeWriter.Create(this, new StreamPipeWriterOptions(leaveOpen: true));

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public void DisableBuffering() => original.DisableBuffering();

        public async Task StartAsync(CancellationToken cancellationToken = default)
        {
            await DecideAsync(streaming: true, cancellationToken);
            await original.StartAsync(cancellationToken);
        }

        public async Task SendFileAsync(string path, long offset, long? count, CancellationToken cancellationToken = default)
        {
            await DecideAsync(streaming: false, cancellationToken, passThrough: true);
            await original.SendFileAsync(path, offset, count, cancellationToken);
        }

        public async Task CompleteAsync()
        {
            await FinishAsync();
            await original.CompleteAsync();
        }

        public override void Write(byte[] buffer, int offset, int count) =>
            WriteAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            if (_target is not null)
            {
                await _target.WriteAsync(buffer, cancellationToken);
                return;
            }

            _held!.Write(buffer.Span);
            if (_held.Length >= Threshold)
            {
                await DecideAsync(streaming: true, cancellationToken);
            }
        }

        public override void Flush() => FlushAsync().GetAwaiter().GetResult();

        public override async Task FlushAsync(CancellationToken cancellationToken)
        {
            // Below the threshold the bytes of a compressible answer stay held (at most a kilobyte): the decision needs
            // them, and a JSON writer flushes once at its end, so a flush cannot tell a streamed answer from a small one.
            // Anything else (an event stream) is never compressed, so a flush sends what it has at once.
            if (_target is null && !IsCompressible(http.Response))
            {
                await DecideAsync(streaming: true, cancellationToken);
            }

            if (_target is not null)
            {
                await _target.FlushAsync(cancellationToken);
            }
        }

        /// <summary>Ends the body: decides if nothing did yet, writes what was held, and closes the compressed stream.</summary>
        public async Task FinishAsync()
        {
            if (_writer is not null)
            {
                await _writer.CompleteAsync();
                _writer = null;
            }

            await DecideAsync(streaming: false, CancellationToken.None);
            if (_compressor is not null)
            {
                await _compressor.DisposeAsync();
                _compressor = null;
            }
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        private async Task DecideAsync(bool streaming, CancellationToken cancellationToken, bool passThrough = false)
        {
            if (_target is not null)
            {
                return;
            }

            var response = http.Response;
            var large = _held!.Length >= Threshold || (streaming && (response.ContentLength ?? long.MaxValue) >= Threshold);
            var compressible = !passThrough && IsCompressible(response);
            if (compressible && !response.HasStarted)
            {
                response.Headers.Append(HeaderNames.Vary, HeaderNames.AcceptEncoding);
            }

            if (encoding is not null && large && compressible && !response.HasStarted)
            {
                response.Headers.ContentEncoding = encoding;
                response.ContentLength = null;
                _compressor = encoding == "br"
                    ? new BrotliStream(original.Stream, CompressionLevel.Fastest, leaveOpen: true)
                    : new GZipStream(original.Stream, CompressionLevel.Fastest, leaveOpen: true);
                _target = _compressor;
            }
            else
            {
                _target = original.Stream;
            }

            var held = _held;
            _held = null;
            if (held.Length > 0)
            {
                await _target.WriteAsync(held.GetBuffer().AsMemory(0, (int)held.Length), cancellationToken);
            }
        }
    }
}
