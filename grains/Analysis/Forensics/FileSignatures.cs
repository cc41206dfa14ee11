namespace Amas.Orleans.Analysis.Forensics;

/// <summary>A file type recognised by its leading bytes.</summary>
public sealed record FileType(string Name, string Mime, IReadOnlyList<string> Extensions, bool IsExecutable = false, bool IsCompressed = false)
{
    public static FileType Text { get; } = new("text", "text/plain", []);

    public static FileType Unknown { get; } = new("unknown", "application/octet-stream", []);
}

/// <summary>
/// Magic numbers (after Gary Kessler's table and the libmagic sources) for the formats forensics most often meets.
/// ZIP containers are refined by their entries (OOXML, JAR, APK) in <see cref="ZipInspector"/>.
/// </summary>
public static class FileSignatures
{
    public const int HeaderBytes = 512;

    public static readonly FileType Png = new("png", "image/png", [".png"], IsCompressed: true);
    public static readonly FileType Jpeg = new("jpeg", "image/jpeg", [".jpg", ".jpeg", ".jpe", ".jfif"], IsCompressed: true);
    public static readonly FileType Gif = new("gif", "image/gif", [".gif"], IsCompressed: true);
    public static readonly FileType Pdf = new("pdf", "application/pdf", [".pdf"]);
    public static readonly FileType Zip = new("zip", "application/zip", [".zip"], IsCompressed: true);
    public static readonly FileType Docx = new("docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", [".docx", ".docm"], IsCompressed: true);
    public static readonly FileType Xlsx = new("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", [".xlsx", ".xlsm"], IsCompressed: true);
    public static readonly FileType Pptx = new("pptx", "application/vnd.openxmlformats-officedocument.presentationml.presentation", [".pptx", ".pptm"], IsCompressed: true);
    public static readonly FileType Jar = new("jar", "application/java-archive", [".jar", ".war", ".ear"], IsExecutable: true, IsCompressed: true);
    public static readonly FileType Apk = new("apk", "application/vnd.android.package-archive", [".apk"], IsExecutable: true, IsCompressed: true);
    public static readonly FileType Gzip = new("gzip", "application/gzip", [".gz", ".tgz"], IsCompressed: true);
    public static readonly FileType Bzip2 = new("bzip2", "application/x-bzip2", [".bz2", ".tbz2"], IsCompressed: true);
    public static readonly FileType Xz = new("xz", "application/x-xz", [".xz", ".txz"], IsCompressed: true);
    public static readonly FileType SevenZip = new("7z", "application/x-7z-compressed", [".7z"], IsCompressed: true);
    public static readonly FileType Rar = new("rar", "application/vnd.rar", [".rar"], IsCompressed: true);
    public static readonly FileType Tar = new("tar", "application/x-tar", [".tar"]);
    public static readonly FileType Elf = new("elf", "application/x-elf", ["", ".so", ".o", ".elf", ".bin", ".out", ".ko"], IsExecutable: true);
    public static readonly FileType Pe = new("pe", "application/vnd.microsoft.portable-executable", [".exe", ".dll", ".sys", ".scr", ".ocx", ".cpl", ".efi", ".drv", ".mui"], IsExecutable: true);
    public static readonly FileType MachO = new("mach-o", "application/x-mach-binary", ["", ".dylib", ".bundle", ".o"], IsExecutable: true);
    public static readonly FileType JavaClass = new("java-class", "application/java-vm", [".class"], IsExecutable: true);
    public static readonly FileType Sqlite = new("sqlite", "application/vnd.sqlite3", [".sqlite", ".sqlite3", ".db", ".db3"]);
    public static readonly FileType Wasm = new("wasm", "application/wasm", [".wasm"], IsExecutable: true);
    public static readonly FileType Bmp = new("bmp", "image/bmp", [".bmp", ".dib"]);
    public static readonly FileType Webp = new("webp", "image/webp", [".webp"], IsCompressed: true);
    public static readonly FileType Wav = new("wav", "audio/wav", [".wav"]);
    public static readonly FileType Ogg = new("ogg", "audio/ogg", [".ogg", ".oga", ".ogv", ".opus"], IsCompressed: true);
    public static readonly FileType Mp3 = new("mp3", "audio/mpeg", [".mp3"], IsCompressed: true);
    public static readonly FileType Mp4 = new("mp4", "video/mp4", [".mp4", ".m4a", ".m4v", ".mov", ".heic", ".3gp"], IsCompressed: true);
    public static readonly FileType Ole = new("ole2", "application/x-ole-storage", [".doc", ".xls", ".ppt", ".msi", ".msg", ".vsd"]);
    public static readonly FileType Rtf = new("rtf", "application/rtf", [".rtf", ".doc"]);
    public static readonly FileType Script = new("script", "text/x-shellscript", ["", ".sh", ".bash", ".py", ".pl", ".rb", ".js", ".php"], IsExecutable: true);

    private static readonly (int Offset, byte[] Magic, FileType Type)[] Table =
    [
        (0, [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A], Png),
        (0, [0xFF, 0xD8, 0xFF], Jpeg),
        (0, "GIF87a"u8.ToArray(), Gif),
        (0, "GIF89a"u8.ToArray(), Gif),
        (0, "%PDF-"u8.ToArray(), Pdf),
        (0, [0x50, 0x4B, 0x03, 0x04], Zip),
        (0, [0x50, 0x4B, 0x05, 0x06], Zip),
        (0, [0x1F, 0x8B], Gzip),
        (0, "BZh"u8.ToArray(), Bzip2),
        (0, [0xFD, 0x37, 0x7A, 0x58, 0x5A, 0x00], Xz),
        (0, [0x37, 0x7A, 0xBC, 0xAF, 0x27, 0x1C], SevenZip),
        (0, "Rar!\u001A\u0007"u8.ToArray(), Rar),
        (257, "ustar"u8.ToArray(), Tar),
        (0, [0x7F, 0x45, 0x4C, 0x46], Elf),
        (0, "MZ"u8.ToArray(), Pe),
        (0, [0xFE, 0xED, 0xFA, 0xCE], MachO),
        (0, [0xFE, 0xED, 0xFA, 0xCF], MachO),
        (0, [0xCE, 0xFA, 0xED, 0xFE], MachO),
        (0, [0xCF, 0xFA, 0xED, 0xFE], MachO),
        (0, "SQLite format 3\0"u8.ToArray(), Sqlite),
        (0, [0x00, 0x61, 0x73, 0x6D], Wasm),
        (0, "OggS"u8.ToArray(), Ogg),
        (0, "ID3"u8.ToArray(), Mp3),
        (4, "ftyp"u8.ToArray(), Mp4),
        (0, [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1], Ole),
        (0, @"{\rtf"u8.ToArray(), Rtf),
        (0, "#!"u8.ToArray(), Script),
    ];

    /// <param name="header">The first <see cref="HeaderBytes"/> bytes (fewer for a short file).</param>
    /// <param name="looksLikeText">Whether the content decoded as text without control bytes.</param>
    public static FileType Detect(ReadOnlySpan<byte> header, bool looksLikeText)
    {
        // 0xCAFEBABE is both a Java class and a universal Mach-O; the next word tells them apart (class-file major
        // versions start at 45, a fat header's architecture count is small).
        if (header.Length >= 8 && header[0] == 0xCA && header[1] == 0xFE && header[2] == 0xBA && header[3] == 0xBE)
        {
            var next = (header[4] << 24) | (header[5] << 16) | (header[6] << 8) | header[7];
            return next < 45 ? MachO : JavaClass;
        }

        if (header.Length >= 12 && header[..4].SequenceEqual("RIFF"u8))
        {
            return header[8..12].SequenceEqual("WEBP"u8) ? Webp : header[8..12].SequenceEqual("WAVE"u8) ? Wav : FileType.Unknown;
        }

        if (header.Length >= 14 && header[0] == (byte)'B' && header[1] == (byte)'M' && header[6] == 0 && header[7] == 0 && header[8] == 0 && header[9] == 0)
        {
            return Bmp;
        }

        foreach (var (offset, magic, type) in Table)
        {
            if (header.Length >= offset + magic.Length && header.Slice(offset, magic.Length).SequenceEqual(magic))
            {
                return type;
            }
        }

        return looksLikeText ? FileType.Text : FileType.Unknown;
    }

    /// <summary>
    /// Whether the name's extension contradicts the detected type: a binary type under a foreign extension, or text
    /// under an extension that belongs to a binary type ("invoice.pdf" that is plain text). No extension, unknown
    /// content: no verdict.
    /// </summary>
    public static bool ExtensionMismatch(string fileName, FileType type)
    {
        ArgumentNullException.ThrowIfNull(type);
        var extension = Path.GetExtension(fileName).ToLowerInvariant();
        if (type == FileType.Unknown)
        {
            return false;
        }

        if (type == FileType.Text)
        {
            return extension.Length > 0 && BinaryExtensions.Contains(extension);
        }

        if (type.Extensions.Contains(extension))
        {
            return false;
        }

        // Generic containers are fine under any extension of their family (an OOXML file named .zip).
        return !(type.IsCompressed && type.Mime.Contains("zip", StringComparison.Ordinal) && extension == ".zip");
    }

    private static readonly HashSet<string> BinaryExtensions = new(
        new[] { Png, Jpeg, Gif, Pdf, Zip, Docx, Xlsx, Pptx, Jar, Apk, Gzip, Bzip2, Xz, SevenZip, Rar, Pe, JavaClass, Sqlite, Wasm, Bmp, Webp, Wav, Ogg, Mp3, Mp4, Ole }
            .SelectMany(t => t.Extensions).Where(e => e.Length > 0),
        StringComparer.Ordinal);
}
