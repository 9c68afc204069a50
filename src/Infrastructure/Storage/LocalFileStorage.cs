using Crm.Application.Common.Files;
using Microsoft.Extensions.Options;

namespace Crm.Infrastructure.Storage;

/// <summary>Attachment contents in a folder, streamed back with range support.</summary>
internal sealed class LocalFileStorage(IOptions<StorageOptions> options) : IFileStorage
{
    public async Task SaveAsync(string key, Stream content, long length, string contentType, CancellationToken cancellationToken)
    {
        var path = PathOf(key);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var partial = path + ".partial";
        await using (var file = new FileStream(partial, FileMode.Create, FileAccess.Write, FileShare.None, 81_920, useAsync: true))
        {
            await content.CopyToAsync(file, cancellationToken);
        }

        File.Move(partial, path, overwrite: true);
    }

    public Task<FileContent> OpenAsync(string key, string fileName, string contentType, CancellationToken cancellationToken) =>
        Task.FromResult(new FileContent(null, new FileStream(PathOf(key), FileMode.Open, FileAccess.Read, FileShare.Read, 81_920, useAsync: true)));

    public Task<Stream> ReadAsync(string key, CancellationToken cancellationToken) =>
        Task.FromResult<Stream>(new FileStream(PathOf(key), FileMode.Open, FileAccess.Read, FileShare.Read, 81_920, useAsync: true));

    public Task DeleteAsync(string key, CancellationToken cancellationToken)
    {
        File.Delete(PathOf(key));
        return Task.CompletedTask;
    }

    /// <summary>The file of a key; keys are made of ids only, and anything else is refused.</summary>
    private string PathOf(string key)
    {
        if (key.Any(c => !(char.IsAsciiLetterOrDigit(c) || c == '/')) || key.Contains("//", StringComparison.Ordinal))
        {
            throw new ArgumentException("Storage keys are made of ids only.", nameof(key));
        }

        return Path.Combine(options.Value.LocalRoot, key);
    }
}
