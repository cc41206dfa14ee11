using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using Amas.Orleans.Findings;

namespace Amas.Orleans.Analysis.Forensics;

public sealed record SuspiciousApi(string Name, Severity Severity, string Why);

public sealed record IndicatorSet(
    IReadOnlyList<string> Urls,
    IReadOnlyList<string> IPv4,
    IReadOnlyList<string> Emails,
    IReadOnlyList<SuspiciousApi> SuspiciousApis);

/// <summary>URLs, IPv4 addresses, emails and API names favoured by malware, found in a file's printable strings.</summary>
public static partial class StringIndicators
{
    /// <summary>Windows and POSIX calls whose presence is worth a look: injection, execution, download, anti-debugging, keylogging.</summary>
    public static readonly IReadOnlyList<SuspiciousApi> Apis =
    [
        new("CreateRemoteThread", Severity.High, "runs code in another process (injection)"),
        new("WriteProcessMemory", Severity.High, "writes into another process's memory (injection)"),
        new("NtUnmapViewOfSection", Severity.High, "process hollowing"),
        new("ZwUnmapViewOfSection", Severity.High, "process hollowing"),
        new("RtlCreateUserThread", Severity.High, "runs code in another process (injection)"),
        new("QueueUserAPC", Severity.Medium, "APC injection"),
        new("SetThreadContext", Severity.Medium, "redirects a thread (hollowing, injection)"),
        new("VirtualAllocEx", Severity.Medium, "allocates memory in another process"),
        new("VirtualAlloc", Severity.Low, "allocates memory, often executable memory for unpacked code"),
        new("VirtualProtect", Severity.Low, "changes memory protection, often to make data executable"),
        new("URLDownloadToFile", Severity.Medium, "downloads a file"),
        new("InternetOpenUrl", Severity.Low, "opens a URL"),
        new("WinExec", Severity.Medium, "runs a program"),
        new("ShellExecute", Severity.Low, "runs a program or opens a document"),
        new("CreateProcess", Severity.Low, "starts a process"),
        new("SetWindowsHookEx", Severity.Medium, "installs a system-wide hook (keylogging)"),
        new("GetAsyncKeyState", Severity.Medium, "polls key state (keylogging)"),
        new("IsDebuggerPresent", Severity.Low, "anti-debugging"),
        new("CheckRemoteDebuggerPresent", Severity.Low, "anti-debugging"),
        new("AdjustTokenPrivileges", Severity.Medium, "raises its own privileges"),
        new("OpenProcess", Severity.Low, "opens another process"),
        new("LoadLibrary", Severity.Info, "loads code at run time"),
        new("GetProcAddress", Severity.Info, "resolves functions at run time (hides imports)"),
        new("CryptEncrypt", Severity.Low, "encrypts data (ransomware uses it)"),
        new("RegSetValueEx", Severity.Low, "writes the registry (persistence)"),
        new("ptrace", Severity.Low, "traces or attaches to processes"),
        new("mprotect", Severity.Info, "changes memory protection"),
        new("execve", Severity.Info, "runs a program"),
    ];

    private static readonly HashSet<string> ApiNames = new(Apis.Select(a => a.Name), StringComparer.Ordinal);

    public static IndicatorSet Find(IEnumerable<string> strings)
    {
        ArgumentNullException.ThrowIfNull(strings);
        SortedSet<string> urls = new(StringComparer.Ordinal), ips = new(StringComparer.Ordinal), emails = new(StringComparer.Ordinal);
        var apis = new HashSet<string>(StringComparer.Ordinal);
        foreach (var s in strings)
        {
            foreach (Match m in UrlPattern().Matches(s))
            {
                urls.Add(m.Value.TrimEnd('.', ',', ';', ')', '\''));
            }

            foreach (Match m in IPv4Pattern().Matches(s))
            {
                if (IPAddress.TryParse(m.Value, out var ip) && ip.AddressFamily == AddressFamily.InterNetwork && ip.ToString() == m.Value)
                {
                    ips.Add(m.Value);
                }
            }

            foreach (Match m in EmailPattern().Matches(s))
            {
                emails.Add(m.Value.ToLowerInvariant());
            }

            foreach (Match m in IdentifierPattern().Matches(s))
            {
                // Win32 names come as Foo, FooA, FooW and FooExA: match on the stem.
                var name = m.Value;
                var stem = name.EndsWith('A') || name.EndsWith('W') ? name[..^1] : name;
                foreach (var candidate in new[] { name, stem, stem.EndsWith("Ex", StringComparison.Ordinal) ? stem[..^2] : stem })
                {
                    if (ApiNames.Contains(candidate))
                    {
                        apis.Add(candidate);
                        break;
                    }
                }
            }
        }

        return new IndicatorSet([.. urls], [.. ips], [.. emails], Apis.Where(a => apis.Contains(a.Name)).ToList());
    }

    [GeneratedRegex(@"\b(?:https?|ftp)://[A-Za-z0-9\-._~:/?#\[\]@!$&'()*+,;=%]+", RegexOptions.IgnoreCase)]
    private static partial Regex UrlPattern();

    [GeneratedRegex(@"(?<![\d.])(?:\d{1,3}\.){3}\d{1,3}(?![\d]|\.\d)")]
    private static partial Regex IPv4Pattern();

    [GeneratedRegex(@"[A-Za-z0-9][A-Za-z0-9._%+-]{0,63}@(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,24}\b")]
    private static partial Regex EmailPattern();

    [GeneratedRegex(@"(?<![A-Za-z0-9_])[A-Za-z_][A-Za-z0-9_]{3,40}(?![A-Za-z0-9_])")]
    private static partial Regex IdentifierPattern();
}
