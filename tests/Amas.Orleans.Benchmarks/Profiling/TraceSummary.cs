using System.Text.RegularExpressions;
using Microsoft.Diagnostics.Tracing.Etlx;
using Microsoft.Diagnostics.Tracing.EventPipe;
using Microsoft.Diagnostics.Tracing.Parsers.Clr;

namespace Amas.Orleans.Benchmarks.Profiling;

/// <summary>Something's share of a profile's CPU samples or sampled allocation bytes.</summary>
public sealed record Share(string What, double Fraction);

/// <summary>
/// What a dotnet-trace nettrace says about CPU and allocation. CPU: the thread-time sampler's stacks (~100 Hz per
/// thread), counted only when the thread ran managed code: a blocked thread is sampled too, in native code, and is
/// not CPU. Allocation: the runtime's allocation ticks (one per ~100 KB allocated, with the type and the stack).
/// </summary>
/// <param name="CpuSamples">Samples of threads running managed code.</param>
/// <param name="IdleSamples">Of those, threads spinning or waiting for work (thread-pool workers, semaphores, sleeps):
/// the runtime spins before it blocks, which is CPU but no work.</param>
/// <param name="GcSamples">Of those, threads held at a GC poll while a collection ran.</param>
/// <param name="Components">Shares of the working samples (neither idle nor held for a GC) by the first frame outside
/// the base library's plumbing (threading, tasks, collections): the library or our namespace whose call led to the cost.</param>
/// <param name="Methods">Shares of the working samples by the method at the top of the stack (exclusive).</param>
/// <param name="OwnCode">Shares of the working samples under each of our methods (inclusive), the benchmark's own code left out.</param>
/// <param name="Work">Shares of the working samples by what the thread was doing, from the frames on its stack
/// (<see cref="WorkKinds"/>): serving an HTTP request, an orchestrator's or an agent's turn, the load driver…</param>
/// <param name="Exceptions">Exceptions thrown, by type and the first frame outside the plumbing that threw or rethrew
/// them, as fractions of all thrown.</param>
/// <param name="AllocatingComponents">Sampled bytes by component, as for CPU.</param>
/// <param name="AllocationSites">Sampled bytes by the first frame outside the base library's plumbing.</param>
public sealed partial record TraceSummary(int CpuSamples, int ThreadSamples, int IdleSamples, int GcSamples, IReadOnlyList<Share> Components,
    IReadOnlyList<Share> Methods, IReadOnlyList<Share> OwnCode, IReadOnlyList<Share> Work, long AllocationTicks, double SampledBytes, IReadOnlyList<Share> AllocatedTypes,
    IReadOnlyList<Share> AllocatingComponents, IReadOnlyList<Share> AllocationSites, long ExceptionsThrown, IReadOnlyList<Share> Exceptions)
{
    public int WorkingSamples => CpuSamples - IdleSamples - GcSamples;

    private const string GrainStorage = "grain storage (writes resumed outside a grain's turn, the in-memory storage grain)";

    /// <summary>
    /// What a stack is doing: the first of these with a frame on the stack (the benchmark's load driver, an HTTP
    /// request, a grain of ours: a storage write resumed after its await counts for the grain that wrote), else the
    /// innermost frame of the infrastructure (the dashboard's call filter wraps every grain call, so an
    /// infrastructure grain's turn has it outermost).
    /// </summary>
    public static readonly IReadOnlyList<(string Prefix, string Work)> WorkKinds =
    [
        ("Amas.Orleans.Benchmarks.Load.LoadDriver", "the load driver (the benchmark's HttpClient)"),
        ("Microsoft.AspNetCore.Server.Kestrel", "HTTP requests (Kestrel, middleware, endpoints)"),
        ("Amas.Orleans.Gateway.", "HTTP requests (Kestrel, middleware, endpoints)"),
        ("Microsoft.AspNetCore.", "HTTP requests (Kestrel, middleware, endpoints)"),
        ("Amas.Orleans.Orchestration.Admission.", "the admission queue grain"),
        ("Amas.Orleans.Orchestration.TaskOrchestratorGrain", "orchestrator grains"),
        ("Amas.Orleans.Agents.AgentGrain", "agent grains"),
        ("Amas.Orleans.Benchmarks.Load.RawWorkGrain", "the anchor's raw grains"),
        ("Amas.Orleans.Benchmarks.Load.OverheadBenchmark", "the benchmark's own grain calls (submit, status polls)"),
        ("Amas.Orleans.Hosting.StorageHealth", GrainStorage),
        ("Amas.Orleans.Hosting.Observed", GrainStorage),
        ("Amas.Orleans.", "other Amas code (telemetry, learning, hosting)"),
    ];

    private static readonly IReadOnlyList<(string Prefix, string Work)> InfrastructureKinds =
    [
        ("Orleans.Storage.", GrainStorage),
        ("Orleans.Runtime.ReminderService", "reminders"),
        ("Orleans.Runtime.MembershipService", "membership"),
        ("Orleans.Dashboard", "the dashboard (its call filter on every grain call, its statistics)"),
        ("Npgsql", "PostgreSQL client"),
        ("OpenTelemetry", "telemetry (metrics and traces)"),
    ];

    /// <summary>Namespaces whose frames are plumbing: the cost belongs to whoever called into them.</summary>
    private static readonly HashSet<string> Plumbing = new(StringComparer.Ordinal)
    {
        "", "System", "System.Threading", "System.Threading.Tasks", "System.Threading.Tasks.Sources", "System.Runtime", "System.Runtime.CompilerServices",
        "System.Runtime.ExceptionServices", "System.Runtime.InteropServices", "System.Runtime.Intrinsics", "System.Collections.Generic",
        "System.Collections.Concurrent", "System.Collections.Immutable", "System.Collections.Frozen", "System.Collections.ObjectModel",
        "System.Linq", "System.Buffers", "System.Buffers.Text", "System.Text", "System.Globalization", "System.Numerics", "System.IO", "Interop",
    };

    public static TraceSummary Read(string nettrace, int top)
    {
        var etlxPath = Path.ChangeExtension(nettrace, ".etlx");
        try
        {
            TraceLog.CreateFromEventPipeDataFile(nettrace, etlxPath);
            using var log = new TraceLog(etlxPath);
            return Summarise(log, top);
        }
        finally
        {
            File.Delete(etlxPath);
        }
    }

    private static TraceSummary Summarise(TraceLog log, int top)
    {
        var components = new Dictionary<string, double>(StringComparer.Ordinal);
        var methods = new Dictionary<string, double>(StringComparer.Ordinal);
        var own = new Dictionary<string, double>(StringComparer.Ordinal);
        var types = new Dictionary<string, double>(StringComparer.Ordinal);
        var sites = new Dictionary<string, double>(StringComparer.Ordinal);
        var allocating = new Dictionary<string, double>(StringComparer.Ordinal);
        var thrown = new Dictionary<string, double>(StringComparer.Ordinal);
        var work = new Dictionary<string, double>(StringComparer.Ordinal);
        var onStack = new HashSet<string>(StringComparer.Ordinal);
        int cpu = 0, all = 0, idle = 0, gc = 0;
        long ticks = 0, exceptions = 0;
        double bytes = 0;
        foreach (var e in log.Events)
        {
            if (e is ClrThreadSampleTraceData sample)
            {
                all++;
                if (sample.Type != ClrThreadSampleType.Managed)
                {
                    continue;
                }

                cpu++;
                var stack = Frames(e.CallStack()).ToList();
                if (stack.Count == 0)
                {
                    continue;
                }

                if (IsIdle(stack[0]))
                {
                    idle++;
                    continue;
                }

                if (stack[0].Contains("PollGC", StringComparison.Ordinal))
                {
                    gc++;
                    continue;
                }

                Add(methods, Display(stack[0]), 1);
                Add(components, Component(stack), 1);
                Add(work, WorkOf(stack), 1);
                onStack.Clear();
                foreach (var frame in stack.Where(IsOwnProductCode))
                {
                    if (onStack.Add(Display(frame)))
                    {
                        Add(own, Display(frame), 1);
                    }
                }
            }
            else if (e is GCAllocationTickTraceData tick)
            {
                ticks++;
                bytes += tick.AllocationAmount64;
                Add(types, tick.TypeName, tick.AllocationAmount64);
                var stack = Frames(e.CallStack()).ToList();
                var site = stack.FirstOrDefault(f => !Plumbing.Contains(Namespace(f)));
                Add(sites, site is null ? "(base library only)" : Display(site), tick.AllocationAmount64);
                Add(allocating, site is null ? "(base library only)" : Group(site), tick.AllocationAmount64);
            }
            else if (e is ExceptionTraceData exception)
            {
                exceptions++;
                var site = Frames(e.CallStack()).FirstOrDefault(f => !Plumbing.Contains(Namespace(f)));
                Add(thrown, $"{exception.ExceptionType} from {(site is null ? "the base library" : Display(site))}", 1);
            }
        }

        IReadOnlyList<Share> Top(Dictionary<string, double> counts, double total) =>
            [.. counts.OrderByDescending(c => c.Value).ThenBy(c => c.Key, StringComparer.Ordinal).Take(top).Select(c => new Share(c.Key, c.Value / Math.Max(1, total)))];
        IReadOnlyList<Share> TopAll(Dictionary<string, double> counts, double total) =>
            [.. counts.OrderByDescending(c => c.Value).ThenBy(c => c.Key, StringComparer.Ordinal).Select(c => new Share(c.Key, c.Value / Math.Max(1, total)))];
        var working = cpu - idle - gc;
        return new TraceSummary(cpu, all, idle, gc, Top(components, working), Top(methods, working), Top(own, working), TopAll(work, working), ticks, bytes, Top(types, bytes),
            Top(allocating, bytes), Top(sites, bytes), exceptions, Top(thrown, exceptions));
    }

    /// <summary>
    /// For reading a profile by hand: the stacks (up to <paramref name="depth"/> callers) above every working sample
    /// whose top method's name contains <paramref name="method"/>, most frequent first.
    /// </summary>
    public static IReadOnlyList<Share> Callers(string nettrace, string method, int depth, int top)
    {
        var etlxPath = Path.ChangeExtension(nettrace, ".callers.etlx");
        try
        {
            TraceLog.CreateFromEventPipeDataFile(nettrace, etlxPath);
            using var log = new TraceLog(etlxPath);
            var stacks = new Dictionary<string, double>(StringComparer.Ordinal);
            var total = 0;
            foreach (var e in log.Events)
            {
                // "exception:TYPE" asks for the stacks that threw exceptions of that type instead; "under:TEXT" for the
                // working samples with a frame containing TEXT anywhere on the stack (shown from the top down to it).
                if (method.StartsWith("under:", StringComparison.Ordinal))
                {
                    if (e is ClrThreadSampleTraceData { Type: ClrThreadSampleType.Managed })
                    {
                        var frames = Frames(e.CallStack()).ToList();
                        var at = frames.FindLastIndex(f => f.Contains(method["under:".Length..], StringComparison.Ordinal));
                        if (at >= 0 && frames.Count > 0 && !IsIdle(frames[0]) && !frames[0].Contains("PollGC", StringComparison.Ordinal))
                        {
                            total++;
                            Add(stacks, string.Join(" <- ", frames.Take(Math.Min(depth, at + 1)).Select(Display)) + (at + 1 > depth ? " … " + Display(frames[at]) : ""), 1);
                        }
                    }

                    continue;
                }

                var matches = method.StartsWith("exception:", StringComparison.Ordinal)
                    ? e is ExceptionTraceData thrown && thrown.ExceptionType.Contains(method["exception:".Length..], StringComparison.Ordinal)
                    : e is ClrThreadSampleTraceData { Type: ClrThreadSampleType.Managed } && Frames(e.CallStack()).FirstOrDefault()?.Contains(method, StringComparison.Ordinal) == true;
                if (matches)
                {
                    total++;
                    Add(stacks, string.Join(" <- ", Frames(e.CallStack()).Take(depth + 1).Select(Display)), 1);
                }
            }

            return [.. stacks.OrderByDescending(s => s.Value).Take(top).Select(s => new Share(s.Key, s.Value / Math.Max(1, total)))];
        }
        finally
        {
            File.Delete(etlxPath);
        }
    }

    private static void Add(Dictionary<string, double> counts, string key, double amount) => counts[key] = counts.GetValueOrDefault(key) + amount;

    /// <summary>Method names from the top of the stack down, parameters left off; unresolved native frames skipped.</summary>
    private static IEnumerable<string> Frames(TraceCallStack? stack)
    {
        for (var frame = stack; frame is not null; frame = frame.Caller)
        {
            var name = frame.CodeAddress.FullMethodName;
            if (string.IsNullOrEmpty(name))
            {
                continue;
            }

            var open = name.IndexOf('(');
            yield return open > 0 ? name[..open] : name;
        }
    }

    /// <summary>The library or namespace the cost belongs to: that of the first frame that is not plumbing.</summary>
    private static string Component(IReadOnlyList<string> stack)
    {
        var owner = stack.FirstOrDefault(f => !Plumbing.Contains(Namespace(f)));
        if (owner is null)
        {
            return "base library only (thread pool, tasks, collections)";
        }

        return Group(owner);
    }

    /// <summary>A frame's namespace cut to the depth that names a library or one of our areas.</summary>
    private static string Group(string frame)
    {
        var parts = Namespace(frame).Split('.');
        var depth = parts[0] is "Amas" or "Microsoft" ? 4 : 3;
        return string.Join('.', parts.Take(depth));
    }

    private static string WorkOf(IReadOnlyList<string> stack)
    {
        foreach (var (prefix, kind) in WorkKinds)
        {
            if (stack.Any(frame => frame.StartsWith(prefix, StringComparison.Ordinal)))
            {
                return kind;
            }
        }

        foreach (var frame in stack)
        {
            foreach (var (prefix, kind) in InfrastructureKinds)
            {
                if (frame.StartsWith(prefix, StringComparison.Ordinal))
                {
                    return kind;
                }
            }
        }

        return "Orleans' runtime and the rest (no frame named above: messaging, scheduling, timers)";
    }

    /// <summary>A thread spinning or waiting for work: the thread pool's workers and the runtime's waits.</summary>
    private static bool IsIdle(string top) =>
        top.StartsWith("System.Threading.LowLevelSpinWaiter", StringComparison.Ordinal)
        || top.StartsWith("System.Threading.LowLevelLifoSemaphore", StringComparison.Ordinal)
        || top.StartsWith("System.Threading.PortableThreadPool", StringComparison.Ordinal)
        || top.StartsWith("System.Threading.WaitHandle.Wait", StringComparison.Ordinal)
        || top.StartsWith("System.Threading.Monitor.Wait", StringComparison.Ordinal)
        || top.StartsWith("System.Threading.Thread.Sleep", StringComparison.Ordinal)
        || top.StartsWith("System.Threading.ManualResetEventSlim.Wait", StringComparison.Ordinal);

    private static bool IsOwnProductCode(string frame) =>
        frame.StartsWith("Amas.Orleans.", StringComparison.Ordinal) && !frame.StartsWith("Amas.Orleans.Benchmarks.", StringComparison.Ordinal);

    /// <summary>The namespace of a frame: its name without generic arguments, type and method.</summary>
    private static string Namespace(string frame)
    {
        var plain = GenericArguments().Replace(frame, "").Replace("..c", ".#c", StringComparison.Ordinal);
        var type = plain.LastIndexOf('.', plain.Length - 1);
        type = type <= 0 ? -1 : plain.LastIndexOf('.', type - 1);
        // Nested types hang off their outer type with '+', which may itself hold dots in a lambda's name.
        var outer = plain.IndexOf('+');
        if (outer > 0 && (type < 0 || outer < type))
        {
            type = plain.LastIndexOf('.', outer);
        }

        return type <= 0 ? "" : plain[..type];
    }

    /// <summary>Type and method, an async method's state machine shown as the method it runs.</summary>
    private static string Display(string frame)
    {
        var plain = GenericArguments().Replace(frame, "");
        plain = StateMachine().Replace(plain, ".$1");
        var ns = Namespace(frame);
        return ns.Length > 0 && plain.StartsWith(ns + ".", StringComparison.Ordinal) ? plain[(ns.Length + 1)..] : plain;
    }

    [GeneratedRegex(@"\[[^\[\]]*(\[[^\[\]]*\][^\[\]]*)*\]")]
    private static partial Regex GenericArguments();

    [GeneratedRegex(@"\+<(\w+)>d__\d+\.MoveNext$")]
    private static partial Regex StateMachine();
}
