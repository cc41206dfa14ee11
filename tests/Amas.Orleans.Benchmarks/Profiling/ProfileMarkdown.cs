using System.Globalization;
using System.Text;

namespace Amas.Orleans.Benchmarks.Profiling;

/// <summary>A profiled phase as a short block of the report: where CPU and allocation went, and the counters.</summary>
public static class ProfileMarkdown
{
    private const int Rows = 8;

    public static string Of(PhaseProfile profile, string root)
    {
        var md = new StringBuilder();
        void Line(FormattableString text) => md.AppendLine(text.ToString(CultureInfo.InvariantCulture));
        Line($"**Profile of {profile.Phase}:** an extra {profile.Seconds:F0} s run after the measured ones ({profile.Operations:N0} {profile.Unit}s, {profile.OperationsPerSecond:F0}/s), recorded by {profile.Tools} (`collect --profile dotnet-sampled-thread-time,gc-verbose`: stacks of every thread ~100 times a second, and an allocation tick per ~100 KB allocated) and dotnet-counters (System.Runtime, once a second). CPU shares count only the samples of threads running managed code and doing work (a blocked thread is sampled too, in native code; idle and GC-held samples are counted apart); a component is the first frame outside the base library's plumbing (threading, tasks, collections), i.e. whose call led to the cost.");
        md.AppendLine();
        foreach (var process in profile.Processes)
        {
            var file = Path.GetRelativePath(root, process.TraceFile);
            if (process.Trace is { } t)
            {
                Line($"- `{process.Process.Name}` (`{file}`): {t.CpuSamples:N0} samples in managed code of {t.ThreadSamples:N0} thread samples, of which {Part(t.IdleSamples, t.CpuSamples)} idle (thread-pool workers spinning or waiting for work), {Part(t.GcSamples, t.CpuSamples)} held while a GC ran, and {t.WorkingSamples:N0} working (the shares below); {t.AllocationTicks:N0} allocation ticks ({t.SampledBytes / 1048576:F0} MiB); {t.ExceptionsThrown:N0} exceptions thrown{(t.ExceptionsThrown > 0 ? ": " + Inline(t.Exceptions, 3) : "")}.");
            }
            else
            {
                Line($"- `{process.Process.Name}`: no trace.");
            }

            if (process.Counters is { } c)
            {
                Line($"  Counters: {c.Line(profile.OperationsPerSecond, profile.Unit)}.");
            }

            if (process.Problem is { } problem)
            {
                Line($"  Missing: {problem}.");
            }

            if (process.Trace is not { } trace)
            {
                continue;
            }

            Line($"  Working CPU by what the thread was doing (from the frames on its stack): {Inline(trace.Work, 8)}.");
            md.AppendLine();
            md.AppendLine("  | CPU by component | share | CPU by method (exclusive) | share | allocated by | share |");
            md.AppendLine("  |---|---:|---|---:|---|---:|");
            for (var i = 0; i < Rows; i++)
            {
                static (string, string) Cell(IReadOnlyList<Share> shares, int i) => i < shares.Count
                    ? ($"`{Escape(shares[i].What)}`", shares[i].Fraction.ToString("P0", CultureInfo.InvariantCulture))
                    : ("", "");
                var (component, cs) = Cell(trace.Components, i);
                var (method, ms) = Cell(trace.Methods, i);
                var (site, ss) = Cell(trace.AllocationSites, i);
                if (component.Length + method.Length + site.Length == 0)
                {
                    break;
                }

                md.AppendLine(CultureInfo.InvariantCulture, $"  | {component} | {cs} | {method} | {ms} | {site} | {ss} |");
            }

            md.AppendLine();
            Line($"  Allocated types: {Inline(trace.AllocatedTypes, 5)}. Allocated by component: {Inline(trace.AllocatingComponents, 5)}. CPU under our own methods (inclusive): {Inline(trace.OwnCode, 6)}.");
        }

        md.AppendLine();
        return md.ToString();
    }

    private static string Part(int part, int whole) => FormattableString.Invariant($"{(double)part / Math.Max(1, whole):P0}");

    private static string Inline(IReadOnlyList<Share> shares, int count) => shares.Count == 0
        ? "none sampled"
        : string.Join(", ", shares.Take(count).Select(s => FormattableString.Invariant($"`{Escape(Short(s.What))}` {s.Fraction:P0}")));

    /// <summary>Generic type names run long; the outer name says enough.</summary>
    private static string Short(string name)
    {
        var open = name.IndexOf('[', StringComparison.Ordinal);
        while (open >= 0 && open + 1 < name.Length && name[open + 1] == ']')
        {
            open = name.IndexOf('[', open + 2);
        }

        return open < 0 ? name : name[..open] + "[…]" + (name.EndsWith("[]", StringComparison.Ordinal) ? "[]" : "");
    }

    private static string Escape(string text) => text.Replace("|", "\\|", StringComparison.Ordinal).Replace("`", "'", StringComparison.Ordinal);
}
