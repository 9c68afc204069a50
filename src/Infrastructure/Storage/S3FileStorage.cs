using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;
using Crm.Application.Common.Files;
using Microsoft.Extensions.Options;

namespace Crm.Infrastructure.Storage;

/// <summary>Attachment contents in an S3 bucket; downloads are redirected to short-lived presigned links.</summary>
internal sealed class S3FileStorage : IFileStorage, IDisposable
{
    private readonly AmazonS3Client _client;
    private readonly StorageOptions _options;

    public S3FileStorage(IOptions<StorageOptions> options)
    {
        _options = options.Value;
        _client = new AmazonS3Client(
            new BasicAWSCredentials(_options.S3AccessKey, _options.S3SecretKey),
            new AmazonS3Config
            {
                ServiceURL = _options.S3ServiceUrl,
                ForcePathStyle = true,
                AuthenticationRegion = _options.S3Region,
                Timeout = _options.Timeout,
            });
    }

    private bool PlainHttp => _options.S3ServiceUrl?.StartsWith("http://", StringComparison.OrdinalIgnoreCase) == true;

    public async Task SaveAsync(string key, Stream content, long length, string contentType, CancellationToken cancellationToken)
    {
        var request = new PutObjectRequest
        {
            BucketName = _options.S3Bucket,
            Key = key,
            InputStream = content,
            ContentType = contentType,
            AutoCloseStream = false,

            // Over plain HTTP a chunk-signed upload would be stored with its chunk framing: send it whole.
            UseChunkEncoding = !PlainHttp,
        };
        request.Headers.ContentLength = length;
        await _client.PutObjectAsync(request, cancellationToken);
    }

    public async Task<FileContent> OpenAsync(string key, string fileName, string contentType, CancellationToken cancellationToken)
    {
        var request = new GetPreSignedUrlRequest
        {
            BucketName = _options.S3Bucket,
            Key = key,
            Verb = HttpVerb.GET,
            Expires = DateTime.UtcNow + _options.LinkLifetime,
            Protocol = PlainHttp ? Protocol.HTTP : Protocol.HTTPS,
        };
        request.ResponseHeaderOverrides.ContentType = contentType;
        request.ResponseHeaderOverrides.ContentDisposition = DownloadName.ContentDisposition(fileName);
        return new FileContent(new Uri(await _client.GetPreSignedURLAsync(request)), null);
    }

    public async Task<Stream> ReadAsync(string key, CancellationToken cancellationToken) =>
        (await _client.GetObjectAsync(_options.S3Bucket, key, cancellationToken)).ResponseStream;

    public Task DeleteAsync(string key, CancellationToken cancellationToken) =>
        _client.DeleteObjectAsync(_options.S3Bucket, key, cancellationToken);

    public void Dispose() => _client.Dispose();
}
