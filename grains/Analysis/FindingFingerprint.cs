using System.Security.Cryptography;
using System.Text;

namespace Amas.Orleans.Analysis;

/// <summary>
/// Stable finding ids. The id depends on the rule, the file and the content that triggered it (not the line number),
/// so a finding keeps its id when code above it moves; the occurrence index tells apart identical content repeated
/// in one file.
/// </summary>
public static class FindingFingerprint
{
    public static string Create(string rule, string? file, string anchor, int occurrence = 0)
    {
        var normalised = string.Join(' ', anchor.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        var text = $"{rule}\n{file}\n{normalised}\n{occurrence}";
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(text), hash);
        return Convert.ToHexStringLower(hash[..10]);
    }
}
