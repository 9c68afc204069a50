using Crm.Application.Common.Files;

namespace Crm.Application.Exports.Queries.DownloadExport;

/// <summary>An export's file: a stream, or a link to the storage that serves it.</summary>
public sealed record ExportDownload(FileContent Content, string FileName, string ContentType, long Size);
