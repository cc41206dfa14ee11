using System.Security.Cryptography;
using System.Text.Unicode;

namespace Amas.Orleans.Analysis.Forensics;

public sealed record FileHashes(string Md5, string Sha1, string Sha256, string Sha512);

public sealed record EntropyProfile(double Overall, int BlockSize, IReadOnlyList<double> Blocks)
{
    /// <summary>Blocks above 7.2 bits per byte: compressed, encrypted or packed data.</summary>
    public int HighBlocks => Blocks.Count(b => b >= ContentScanner.HighEntropy);
}

public sealed record ContentScan(long Length, FileHashes Hashes, byte[] Header, bool LooksLikeText, EntropyProfile Entropy, PrintableStrings Strings);

/// <summary>
/// One streamed pass over the file: four hashes (IncrementalHash), the byte histogram for entropy overall and per
/// 4 KiB block, the header for type detection, and printable strings. Nothing but the current buffer is held.
/// </summary>
public static class ContentScanner
{
    public const int BlockSize = 4096;
    public const double HighEntropy = 7.2;

    public static async Task<ContentScan> ScanAsync(Stream stream, int minStringLength, int maxStrings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var md5 = IncrementalHash.CreateHash(HashAlgorithmName.MD5);
        using var sha1 = IncrementalHash.CreateHash(HashAlgorithmName.SHA1);
        using var sha256 = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        using var sha512 = IncrementalHash.CreateHash(HashAlgorithmName.SHA512);
        var total = new long[256];
        var block = new long[256];
        var blockFill = 0;
        var blocks = new List<double>();
        var header = new byte[FileSignatures.HeaderBytes];
        var headerLength = 0;
        var textProbe = new byte[8192];
        var textProbeLength = 0;
        var strings = new PrintableStrings(minStringLength, maxStrings);
        long length = 0;

        // A multiple of the block size, so blocks never straddle buffers unevenly.
        var buffer = new byte[BlockSize * 16];
        int read;
        while ((read = await stream.ReadAsync(buffer, cancellationToken)) > 0)
        {
            var chunk = buffer.AsSpan(0, read);
            md5.AppendData(chunk);
            sha1.AppendData(chunk);
            sha256.AppendData(chunk);
            sha512.AppendData(chunk);
            strings.Feed(chunk);
            if (headerLength < header.Length)
            {
                var n = Math.Min(header.Length - headerLength, read);
                chunk[..n].CopyTo(header.AsSpan(headerLength));
                headerLength += n;
            }

            if (textProbeLength < textProbe.Length)
            {
                var n = Math.Min(textProbe.Length - textProbeLength, read);
                chunk[..n].CopyTo(textProbe.AsSpan(textProbeLength));
                textProbeLength += n;
            }

            foreach (var b in chunk)
            {
                total[b]++;
                block[b]++;
                if (++blockFill == BlockSize)
                {
                    blocks.Add(Entropy(block, BlockSize));
                    Array.Clear(block);
                    blockFill = 0;
                }
            }

            length += read;
        }

        if (blockFill > 0)
        {
            blocks.Add(Entropy(block, blockFill));
        }

        strings.Finish();
        var hashes = new FileHashes(
            Convert.ToHexStringLower(md5.GetHashAndReset()), Convert.ToHexStringLower(sha1.GetHashAndReset()),
            Convert.ToHexStringLower(sha256.GetHashAndReset()), Convert.ToHexStringLower(sha512.GetHashAndReset()));
        return new ContentScan(
            length, hashes, header[..headerLength], LooksLikeText(textProbe.AsSpan(0, textProbeLength)),
            new EntropyProfile(Entropy(total, length), BlockSize, blocks), strings);
    }

    /// <summary>Shannon entropy in bits per byte (0 … 8), rounded to four places.</summary>
    public static double Entropy(long[] histogram, long count)
    {
        ArgumentNullException.ThrowIfNull(histogram);
        if (count == 0)
        {
            return 0;
        }

        double entropy = 0;
        foreach (var c in histogram)
        {
            if (c > 0)
            {
                var p = (double)c / count;
                entropy -= p * Math.Log2(p);
            }
        }

        return Math.Round(entropy, 4);
    }

    private static bool LooksLikeText(ReadOnlySpan<byte> probe)
    {
        if (probe.IsEmpty || probe.Contains((byte)0))
        {
            return false;
        }

        var controls = 0;
        foreach (var b in probe)
        {
            if (b < 0x20 && b is not (byte)'\t' and not (byte)'\n' and not (byte)'\r' and not 0x0C and not 0x1B)
            {
                controls++;
            }
        }

        if (controls * 100 > probe.Length)
        {
            return false;
        }

        // The probe may end inside a multi-byte sequence; drop up to three trailing bytes before judging UTF-8.
        for (var trim = 0; trim <= 3 && trim < probe.Length; trim++)
        {
            if (Utf8.IsValid(probe[..^trim]))
            {
                return true;
            }
        }

        return false;
    }
}
