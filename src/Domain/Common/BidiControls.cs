namespace Crm.Domain.Common;

/// <summary>
/// Unicode bidirectional controls (marks, embeddings, overrides, isolates): invisible, they reorder what follows, so
/// that <c>invoice&#x202E;fdp.exe</c> displays as <c>invoiceexe.pdf</c>.
/// </summary>
public static class BidiControls
{
    public static bool Contains(char c) =>
        c is '\u061C' or '\u200E' or '\u200F' or (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069');
}
