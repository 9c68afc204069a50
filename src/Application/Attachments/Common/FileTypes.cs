using System.Text;

namespace Crm.Application.Attachments.Common;

/// <summary>
/// The file types accepted, recognised by their leading bytes (never by what the client claims): PDF, PNG, JPEG,
/// GIF, WebP, Office documents (a zip with a .docx, .xlsx or .pptx name), and UTF-8 text (.txt, .csv).
/// </summary>
public static class FileTypes
{
    public const int HeaderLength = 512;

    public static string? Detect(ReadOnlySpan<byte> head, string fileName)
    {
        var extension = Path.GetExtension(fileName).ToLowerInvariant();
        if (head.StartsWith("%PDF-"u8))
        {
            return "application/pdf";
        }

        if (head.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
        {
            return "image/png";
        }

        if (head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]))
        {
            return "image/jpeg";
        }

        if (head.StartsWith("GIF87a"u8) || head.StartsWith("GIF89a"u8))
        {
            return "image/gif";
        }

        if (head.Length >= 12 && head.StartsWith("RIFF"u8) && head[8..12].SequenceEqual("WEBP"u8))
        {
            return "image/webp";
        }

        if (head.StartsWith((ReadOnlySpan<byte>)[0x50, 0x4B, 0x03, 0x04]))
        {
            return extension switch
            {
                ".docx" => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                ".xlsx" => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                ".pptx" => "application/vnd.openxmlformats-officedocument.presentationml.presentation",
                _ => null,
            };
        }

        return extension is ".txt" or ".csv" && IsText(head) ? (extension == ".csv" ? "text/csv" : "text/plain") : null;
    }

    /// <summary>Whether a client's declared type agrees with the detected one (a generic or missing one always does).</summary>
    public static bool Agrees(string? declared, string detected)
    {
        var type = declared?.Split(';')[0].Trim().ToLowerInvariant();
        return string.IsNullOrEmpty(type) || type == "application/octet-stream" || type == detected
               || (detected == "text/csv" && type is "text/plain" or "application/vnd.ms-excel");
    }

    private static bool IsText(ReadOnlySpan<byte> head)
    {
        if (head.IndexOf((byte)0) >= 0)
        {
            return false;
        }

        // A multi-byte character cut at the end of the sample is still text.
        var sample = head.Length == HeaderLength ? head[..^4] : head;
        try
        {
            _ = new UTF8Encoding(false, true).GetCharCount(sample);
            return true;
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
    }
}
