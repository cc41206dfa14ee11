namespace Amas.Orleans.Uploads;

/// <summary>
/// The name an upload is kept under: the last segment of what the client sent, without control characters, at most
/// 255 characters. It is only ever reported and judged by its extension, never used as a path.
/// </summary>
public static class UploadFileNames
{
    public const int MaxLength = 255;

    public const string Fallback = "upload";

    public static string Clean(string? name)
    {
        var last = (name ?? "").Replace('\\', '/').Split('/').LastOrDefault() ?? "";
        var clean = new string(last.Where(c => !char.IsControl(c)).ToArray()).Trim();
        if (clean.Length > MaxLength)
        {
            // Keep the extension: it is what the type check compares against.
            var extension = Path.GetExtension(clean);
            clean = extension.Length is > 0 and < 32 ? clean[..(MaxLength - extension.Length)] + extension : clean[..MaxLength];
        }

        return clean is "" or "." or ".." ? Fallback : clean;
    }
}
