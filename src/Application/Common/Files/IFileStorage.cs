namespace Crm.Application.Common.Files;

/// <summary>How a stored file is handed out: a short-lived link to fetch it from, or its content to stream.</summary>
public sealed record FileContent(Uri? Link, Stream? Stream);

/// <summary>Where attachment contents live: local disk by default, S3 in production.</summary>
public interface IFileStorage
{
    /// <param name="content">Readable from its start; read once per attempt.</param>
    Task SaveAsync(string key, Stream content, long length, string contentType, CancellationToken cancellationToken);

    Task<FileContent> OpenAsync(string key, string fileName, string contentType, CancellationToken cancellationToken);

    /// <summary>The file's content to read here, whatever the storage (a background job reading what was uploaded).</summary>
    Task<Stream> ReadAsync(string key, CancellationToken cancellationToken);

    Task DeleteAsync(string key, CancellationToken cancellationToken);
}
