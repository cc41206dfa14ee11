using System.Text;

namespace Amas.Orleans.Repositories;

/// <summary>
/// A file's text decoded the way an editor would: by its byte-order mark (UTF-8, UTF-16 LE/BE, UTF-32 LE/BE) when it
/// has one, as UTF-8 when the bytes are valid UTF-8, and otherwise as Latin-1, which maps every byte to one character
/// so that a legacy file still reads in full with stable columns.
/// </summary>
public sealed record FileText(string Text, Encoding Encoding, bool HasByteOrderMark)
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static async Task<FileText> ReadAsync(string path, CancellationToken cancellationToken)
    {
        var bytes = await File.ReadAllBytesAsync(path, cancellationToken).ConfigureAwait(false);
        return Decode(bytes);
    }

    public static FileText Decode(ReadOnlySpan<byte> bytes)
    {
        var (encoding, bomLength) = DetectByteOrderMark(bytes);
        if (encoding is not null)
        {
            return new FileText(encoding.GetString(bytes[bomLength..]), encoding, HasByteOrderMark: true);
        }

        try
        {
            return new FileText(StrictUtf8.GetString(bytes), Encoding.UTF8, HasByteOrderMark: false);
        }
        catch (DecoderFallbackException)
        {
            return new FileText(Encoding.Latin1.GetString(bytes), Encoding.Latin1, HasByteOrderMark: false);
        }
    }

    /// <summary>The encoding a byte-order mark announces and the mark's length, or (null, 0) without one.</summary>
    public static (Encoding? Encoding, int Length) DetectByteOrderMark(ReadOnlySpan<byte> bytes) => bytes switch
    {
        // UTF-32 LE starts like UTF-16 LE, so it is tested first.
        [0xFF, 0xFE, 0x00, 0x00, ..] => (new UTF32Encoding(bigEndian: false, byteOrderMark: true), 4),
        [0x00, 0x00, 0xFE, 0xFF, ..] => (new UTF32Encoding(bigEndian: true, byteOrderMark: true), 4),
        [0xEF, 0xBB, 0xBF, ..] => (Encoding.UTF8, 3),
        [0xFF, 0xFE, ..] => (Encoding.Unicode, 2),
        [0xFE, 0xFF, ..] => (Encoding.BigEndianUnicode, 2),
        _ => (null, 0),
    };
}
