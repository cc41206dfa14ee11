using System.Diagnostics;
using System.Globalization;

namespace Amas.Orleans.Benchmarks.Profiling;

/// <summary>A process to profile: a name for the report and its id.</summary>
public sealed record ProfiledProcess(string Name, int Id)
{
    public static ProfiledProcess Self(string name = "benchmark process (servers and load driver)") => new(name, Environment.ProcessId);
}

/// <summary>What the tools recorded of one process over a profiled phase; <c>Problem</c> says why a part is missing.</summary>
public sealed record ProcessProfile(ProfiledProcess Process, TraceSummary? Trace, CounterSummary? Counters, string TraceFile, string? Problem);

/// <summary>One profiled phase: the load that ran, how much of it, and each profiled process.</summary>
public sealed record PhaseProfile(string Phase, string Unit, double Seconds, long Operations, IReadOnlyList<ProcessProfile> Processes, string Tools)
{
    public double OperationsPerSecond => Seconds > 0 ? Operations / Seconds : 0;

    /// <summary>The share of the first process's working CPU spent on the kinds of work named (by how their names start).</summary>
    public double WorkShare(params string[] kinds) => Processes.FirstOrDefault()?.Trace is { } trace
        ? trace.Work.Where(w => kinds.Any(k => w.What.StartsWith(k, StringComparison.Ordinal))).Sum(w => w.Fraction)
        : double.NaN;
}

/// <summary>
/// Profiles a phase with the repository's diagnostic tools: for each process, <c>dotnet-trace collect</c> (the
/// thread-time sampler plus the GC's allocation ticks) and <c>dotnet-counters collect</c> (System.Runtime, JSON)
/// for a fixed time, while the phase's load runs; the load starts when both tools are recording and stops when they
/// have finished. It is an extra run of the phase, after the measured ones, so the tools' own cost (two more
/// processes on the same cores) never falls on a reported figure.
/// </summary>
public sealed class PhaseProfiler(DiagnosticTools tools, string directory, TimeSpan duration)
{
    private static readonly TimeSpan StartLimit = TimeSpan.FromSeconds(60);

    public TimeSpan Duration => duration;

    /// <param name="load">Runs until its token is cancelled; returns the operations it completed.</param>
    public async Task<PhaseProfile> ProfileAsync(string phase, string unit, IReadOnlyList<ProfiledProcess> processes, Func<CancellationToken, Task<long>> load)
    {
        Directory.CreateDirectory(directory);
        Console.WriteLine($"Profiling '{phase}' for {duration.TotalSeconds:0} s (dotnet-trace, dotnet-counters) ...");
        var slug = Slug(phase);
        var sessions = processes.Select(p => Start(p, slug)).ToList();
        var problems = new Dictionary<ProfiledProcess, string>();
        try
        {
            await Task.WhenAll(sessions.SelectMany(s => new[] { s.TraceReady.Task, s.CountersReady.Task })).WaitAsync(StartLimit);
        }
        catch (Exception ex) when (ex is TimeoutException or InvalidOperationException)
        {
            foreach (var session in sessions)
            {
                session.Stop();
                problems[session.Process] = $"the tools did not start recording: {ex.Message}";
            }
        }

        var clock = Stopwatch.StartNew();
        long operations = 0;
        if (problems.Count == 0)
        {
            using var stop = new CancellationTokenSource();
            var running = load(stop.Token);
            var finished = Task.WhenAll(sessions.SelectMany(s => new[] { s.Trace.WaitForExitAsync(), s.Counters.WaitForExitAsync() }));
            if (await Task.WhenAny(finished, Task.Delay(duration + StartLimit)) != finished)
            {
                sessions.ForEach(s => s.Stop());
                foreach (var session in sessions)
                {
                    problems[session.Process] = "the tools did not finish in time";
                }
            }

            await stop.CancelAsync();
            operations = await running;
        }

        var seconds = clock.Elapsed.TotalSeconds;
        var profiles = new List<ProcessProfile>();
        foreach (var session in sessions)
        {
            profiles.Add(Summarise(session, problems.GetValueOrDefault(session.Process)));
            session.Dispose();
        }

        return new PhaseProfile(phase, unit, seconds, operations, profiles, $"dotnet-trace {tools.TraceVersion}");
    }

    private Session Start(ProfiledProcess process, string slug)
    {
        var name = $"{slug}-{process.Id}";
        var trace = Path.Combine(directory, name + ".nettrace");
        var counters = Path.Combine(directory, name + ".counters.json");
        File.Delete(trace);
        File.Delete(counters);
        var time = duration.ToString(@"dd\:hh\:mm\:ss", CultureInfo.InvariantCulture);
        var session = new Session(process, trace, counters);
        session.Trace = tools.Start("dotnet-trace",
            ["collect", "-p", process.Id.ToString(CultureInfo.InvariantCulture), "--profile", "dotnet-sampled-thread-time,gc-verbose", "--duration", time, "-o", trace],
            line => session.Heard("trace", line, line.StartsWith("Trace Duration", StringComparison.Ordinal), session.TraceReady));
        session.Counters = tools.Start("dotnet-counters",
            ["collect", "-p", process.Id.ToString(CultureInfo.InvariantCulture), "--counters", "System.Runtime", "--format", "json", "--refresh-interval", "1", "--duration", time, "-o", counters],
            line => session.Heard("counters", line, line.StartsWith("Starting a counter session", StringComparison.Ordinal), session.CountersReady));
        session.Trace.Exited += (_, _) => session.TraceReady.TrySetException(new InvalidOperationException($"dotnet-trace ended: {session.LastLine("trace")}"));
        session.Counters.Exited += (_, _) => session.CountersReady.TrySetException(new InvalidOperationException($"dotnet-counters ended: {session.LastLine("counters")}"));
        return session;
    }

    private static ProcessProfile Summarise(Session session, string? problem)
    {
        TraceSummary? trace = null;
        CounterSummary? counters = null;
        var problems = new List<string>();
        if (problem is not null)
        {
            problems.Add(problem);
        }

        if (File.Exists(session.TraceFile) && new FileInfo(session.TraceFile).Length > 0)
        {
            try
            {
                trace = TraceSummary.Read(session.TraceFile, 8);
            }
            catch (Exception ex)
            {
                problems.Add($"the trace could not be read: {ex.GetType().Name}: {ex.Message}");
            }
        }
        else
        {
            problems.Add($"no trace was written ({session.LastLine("trace")})");
        }

        if (File.Exists(session.CountersFile))
        {
            try
            {
                counters = CounterSummary.Read(session.CountersFile);
            }
            catch (Exception ex)
            {
                problems.Add($"the counters could not be read: {ex.GetType().Name}: {ex.Message}");
            }
        }
        else
        {
            problems.Add($"no counters were written ({session.LastLine("counters")})");
        }

        return new ProcessProfile(session.Process, trace, counters, session.TraceFile, problems.Count == 0 ? null : string.Join("; ", problems));
    }

    private static string Slug(string phase) => string.Concat(phase.Select(c => char.IsAsciiLetterOrDigit(c) ? char.ToLowerInvariant(c) : '-')).Trim('-');

    private sealed class Session(ProfiledProcess process, string traceFile, string countersFile) : IDisposable
    {
        private readonly Dictionary<string, string> _last = new(StringComparer.Ordinal);

        public ProfiledProcess Process => process;

        public string TraceFile => traceFile;

        public string CountersFile => countersFile;

        public Process Trace { get; set; } = null!;

        public Process Counters { get; set; } = null!;

        public TaskCompletionSource TraceReady { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource CountersReady { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public void Heard(string tool, string line, bool ready, TaskCompletionSource readiness)
        {
            if (line.Trim().Length > 0)
            {
                lock (_last)
                {
                    _last[tool] = line.Trim();
                }
            }

            if (ready)
            {
                readiness.TrySetResult();
            }
        }

        public string LastLine(string tool)
        {
            lock (_last)
            {
                return _last.GetValueOrDefault(tool) ?? "no output";
            }
        }

        public void Stop()
        {
            foreach (var tool in new[] { Trace, Counters })
            {
                if (!tool.HasExited)
                {
                    tool.Kill(entireProcessTree: true);
                }
            }
        }

        public void Dispose()
        {
            Stop();
            Trace.Dispose();
            Counters.Dispose();
        }
    }
}
