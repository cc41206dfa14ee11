using System.Globalization;
using System.Text;
using Amas.Orleans.Benchmarks.Profiling;

namespace Amas.Orleans.Benchmarks.Load;

/// <summary>The system rows of issue 11 as one section of docs/benchmarks.md, replaced in place on each run.</summary>
public static class SystemSection
{
    public const string Heading = "## System figures (issue 11)";

    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static string Markdown(SystemFigures f, string command, string root)
    {
        var md = new StringBuilder();
        void Line(FormattableString text) => md.AppendLine(text.ToString(Invariant));
        var o = f.Overhead;
        var m = f.MemoryGateway;
        var s = f.Storage;
        var p = s.Gateway;

        md.AppendLine(Heading);
        md.AppendLine();
        Line($"Each row is a ratio against an anchor measured in the same run, in the same process, on the same machine. The system under test is the gateway as users start it (`GatewayApp.Build`: embedded silo, dashboard on, authentication off as in the embedded default; the per-caller rate limit raised so that the load driver, one caller, measures the gateway and not the limiter) with every agent replaced by a no-op agent of the same name, layer and capabilities (`tests/Amas.Orleans.Benchmarks/Load/NoOpAgents.cs`), so a task costs orchestration only. The load driver (`Load/LoadDriver.cs`) is closed-loop HttpClient on 127.0.0.1 with {GatewayBenchmark.Concurrency} requests in flight; it runs in the same process as the servers, on the same 2 cores.");
        md.AppendLine();
        md.AppendLine("| row | figure | anchor (same run) | ratio | target | |");
        md.AppendLine("|---|---|---|---:|---|---|");
        Line($"| orchestration overhead: a no-op `orchestrate` task end to end inside the silo | p50 {o.Orchestrate.P50:F2} ms | {o.RawCalls} raw grain calls with {o.RawWrites} state writes of {o.RawWriteBytes} B, one after the other: p50 {o.Raw.P50:F2} ms | {o.Ratio:F2}× | ≤ {OverheadFigures.Target}× | {Met(o.TargetMet)} |");
        Line($"| submission throughput, embedded default (in-memory) | {m.Submit.PerSecond:F0}/s, p50 {m.Submit.P50:F2} ms, p99 {m.Submit.P99:F2} ms | bare Kestrel, one dictionary write: {m.SubmitAnchor.PerSecond:F0}/s, p50 {m.SubmitAnchor.P50:F2} ms, p99 {m.SubmitAnchor.P99:F2} ms | {m.SubmitRatio:P0} | ≥ 50% | {Met(m.SubmitRatio >= GatewayFigures.Target)} |");
        if (m.Queued is { } q)
        {
            Line($"| submission path alone, in-memory (every task queued behind a held admission slot) | {q.PerSecond:F0}/s, p50 {q.P50:F2} ms, p99 {q.P99:F2} ms | the same bare Kestrel dictionary write | {m.QueuedRatio:P0} | ≥ 50% | {Met(m.QueuedRatio >= GatewayFigures.Target)} |");
        }

        if (p is not null)
        {
            Line($"| submission throughput, 1 silo with PostgreSQL | {p.Submit.PerSecond:F0}/s, p50 {p.Submit.P50:F2} ms, p99 {p.Submit.P99:F2} ms | bare Kestrel, one INSERT: {p.SubmitAnchor.PerSecond:F0}/s, p50 {p.SubmitAnchor.P50:F2} ms, p99 {p.SubmitAnchor.P99:F2} ms | {p.SubmitRatio:P0} | ≥ 50% | {Met(p.SubmitRatio >= GatewayFigures.Target)} |");
        }

        var c = f.Cluster;
        if (c?.Submissions is { } cs)
        {
            Line($"| submission throughput, 3-silo local cluster (separate gateway process, PostgreSQL, Redis) | {cs.Submit.PerSecond:F0}/s, p50 {cs.Submit.P50:F2} ms, p99 {cs.Submit.P99:F2} ms | bare Kestrel, one INSERT into the cluster's PostgreSQL: {cs.SubmitAnchor.PerSecond:F0}/s, p50 {cs.SubmitAnchor.P50:F2} ms, p99 {cs.SubmitAnchor.P99:F2} ms | {cs.SubmitRatio:P0} | ≥ 50% | {Met(cs.SubmitRatio >= GatewayFigures.Target)} |");
        }
        else
        {
            Line($"| submission throughput, 3-silo local cluster | not measured: {f.ClusterSkipped} | | | ≥ 50% | |");
        }
        if (m.Status is { } st && m.StatusAnchor is { } sa)
        {
            Line($"| status read `GET /api/v1/tasks/{{id}}` (in-memory) | {st.PerSecond:F0}/s, p50 {st.P50:F2} ms, p99 {st.P99:F2} ms | bare Kestrel returning the stored status object: {sa.PerSecond:F0}/s, p50 {sa.P50:F2} ms | {m.StatusRatio:P0} | ≥ 50% | {Met(m.StatusRatio >= GatewayFigures.Target)} |");
        }

        if (c?.Recovery is { Skipped: null } r)
        {
            Line($"| recovery after SIGKILL of a silo, 3 silo processes | every one of {r.Interrupted} interrupted tasks running again after {r.Seconds:F1} s | membership detection {r.DetectionSeconds:F0} s ({r.Membership}) | {r.Seconds - r.DetectionSeconds:+0.0;-0.0} s | ≤ detection + {RecoveryFigures.MarginSeconds:0} s | {Met(r.TargetMet)} |");
        }
        else
        {
            Line($"| recovery after SIGKILL of a silo | not measured: {c?.Recovery.Skipped ?? f.ClusterSkipped} | | | ≤ detection + 5 s | |");
        }

        Line($"| storage: state writes per task (PostgreSQL) | {s.Cost.WritesPerTask:F1} writes, {s.Cost.BytesPerWrite:F0} B per write, {s.SqlPerTask:F1} SQL statements per task | — | | no write of unchanged state | {(s.Cost.UnchangedWrites == 0 ? "met" : $"**missed**: {s.Cost.UnchangedWrites} unchanged writes in {s.Cost.Tasks} tasks ({string.Join(", ", s.Cost.UnchangedByState.Select(u => $"`{u.Key}` {u.Value}"))})")} |");
        Line($"| cost per task, 1 silo process (PostgreSQL) | {s.CpuSecondsPerTask * 1000:F1} ms CPU in the silo process + {s.ChildCpuSecondsPerTask * 1000:F1} ms in child processes, {s.Cost.CallsPerTask:F1} grain calls, {s.Cost.WritesPerTask:F1} state writes, {s.SqlPerTask:F1} SQL statements | — | | reported | |");
        if (c is not null)
        {
            foreach (var cost in new[] { c.OneSilo, c.ThreeSilos })
            {
                Line($"| cost per task, local cluster of {cost.Silos} silo process{(cost.Silos == 1 ? "" : "es")}, real agents | {cost.SiloCpuSecondsPerTask * 1000:F0} ms CPU in the silos + {cost.GatewayCpuSecondsPerTask * 1000:F0} ms in the gateway, {cost.RowWritesPerTask:F1} PostgreSQL row writes ({cost.StorageRowWritesPerTask:F1} grain state) | — | | reported | |");
            }
        }
        else
        {
            Line($"| cost per task, 3 silo processes | not measured: {f.ClusterSkipped} | — | | reported | |");
        }
        md.AppendLine();

        md.AppendLine("### Orchestration overhead");
        md.AppendLine();
        Line($"{o.Orchestrate.Count:N0} no-op `orchestrate` tasks ({o.Cost.AgentsPerTask:F0} agents a task: the plan the decision engine makes for mode intelligent, components all), each submitted to its `TaskOrchestratorGrain` from the silo's own grain factory and polled (1 ms) until it succeeded; interleaved with as many anchor runs: the same number of grain calls ({o.RawCalls}, the count below rounded) on fresh grains, {o.RawWrites} of them writing a state of the task's mean written size ({o.RawWriteBytes} B) to the same in-memory storage provider. The anchor's calls are sequential; the orchestrator runs a layer's agents in parallel.");
        md.AppendLine();
        md.AppendLine("| | p50 ms | p99 ms | mean ms | runs |");
        md.AppendLine("|---|---:|---:|---:|---:|");
        Line($"| no-op orchestrate task | {o.Orchestrate.P50:F2} | {o.Orchestrate.P99:F2} | {o.Orchestrate.Mean:F2} | {o.Orchestrate.Count:N0} |");
        Line($"| raw calls and writes (anchor) | {o.Raw.P50:F2} | {o.Raw.P99:F2} | {o.Raw.Mean:F2} | {o.Raw.Count:N0} |");
        md.AppendLine();
        Line($"Per task (counted over {o.Cost.Tasks} tasks one at a time, in memory): {o.Cost.CallsPerTask:F1} application grain calls, {o.Cost.WritesPerTask:F1} state writes, {o.Cost.ReadsPerTask:F1} state reads. Grain calls by method (whole batch):");
        md.AppendLine();
        md.AppendLine(Breakdown(o.Cost.Calls, o.Cost.Tasks));
        Line($"Every task also pins its local target to the commit checked out there before its first agent (`IRepositoryCheckouts.PinAsync`: libgit2 reads HEAD in the silo's process; until this run a `git rev-parse` process per task). Timed alone through the silo's service ({o.Pin.Count} runs): p50 {o.Pin.P50:F2} ms, p99 {o.Pin.P99:F2} ms.");
        md.AppendLine();
        if (!o.TargetMet)
        {
            Line($"**Why the target is missed:** a raw call pays one hop and, when it writes, one storage write; a task's calls are chained: the orchestrator pins the commit (above, {o.Pin.P50 / o.Orchestrate.P50:P0} of the task's p50), asks the admission grain, then per layer starts the agents, waits for their callbacks and writes each outcome (with the next step's start when it ends a step) before it goes on; each agent fetches its inputs' reports; the deadline timer, the recovery reminder and the task index are written too. The calls by method above show where the count comes from. Runtime counters over the interleaved measured phase, read in-process: {o.Profile.Summary(o.Orchestrate.Count + o.Raw.Count, "run")}.{WhereTheCpuWent(o.Trace)}");
            md.AppendLine();
            md.Append(ProfileOrWhyNot(o.Trace, f, root));
        }

        md.AppendLine("### Gateway submission and status reads");
        md.AppendLine();
        Line($"`POST /api/v1/tasks` with an `orchestrate` body (kind, local path target, options) answered 202, and `GET /api/v1/tasks/{{id}}` on {(f.Smoke ? 4 : 50)} finished tasks answered 200, against a bare Kestrel endpoint (`Load/BareKestrel.cs`: `WebApplication.CreateSlimBuilder`, minimal API) that parses the same body, makes an id, stores the task (a `ConcurrentDictionary` write in memory, one `INSERT` of the body as jsonb in PostgreSQL on the same server as the silo's) and answers 202 with the id; its status endpoint returns the gateway's own status object for that id from a dictionary. Status reads alternate anchor and gateway rounds; for submissions the anchor's rounds come first, because every task the gateway accepts then runs (no-op agents, up to 32 at a time, the rest queued) beside the later requests, which belongs to the gateway's cost. Requests answered otherwise than expected are counted apart and not in the throughput.");
        md.AppendLine();
        md.AppendLine("| target | requests/s | p50 ms | p99 ms | answered | other answers |");
        md.AppendLine("|---|---:|---:|---:|---:|---:|");
        foreach (var load in new[] { m.SubmitAnchor, m.Submit, m.Queued, m.StatusAnchor, m.Status, p?.SubmitAnchor, p?.Submit })
        {
            if (load is not null)
            {
                var label = load == p?.SubmitAnchor || load == p?.Submit ? $"{load.Target} (PostgreSQL)" : $"{load.Target} (in-memory)";
                Line($"| {label} | {load.PerSecond:F0} | {load.P50:F2} | {load.P99:F2} | {load.Latencies.Count:N0} | {load.Unexpected:N0} |");
            }
        }

        md.AppendLine();
        var submitMissed = m.SubmitRatio < GatewayFigures.Target || (p is not null && p.SubmitRatio < GatewayFigures.Target);
        if (submitMissed)
        {
            Line($"**Why the submission target is missed:** the bare endpoint stores a row and is done; every task the gateway accepts then runs (a no-op task is {o.Cost.CallsPerTask:F0} grain calls and {o.Cost.WritesPerTask:F0} state writes) on the same two cores as the requests, so sustained submission is bounded by how fast tasks run, not by the HTTP path.{TasksVersusRequests(m.Submit.Trace)}{PostgresPath(p)} The queued row takes the running tasks away: the same requests while every task waits for admission{(m.QueuedRatio is { } qr ? string.Create(Invariant, $" reach {qr:P0} of the anchor") : "")}.{QueuedPath(m.Queued)}");
            md.AppendLine();
            foreach (var load in new[] { m.Submit, m.Queued, p?.Submit })
            {
                if (load?.Profile is { } profile)
                {
                    Line($"- runtime counters over the measured rounds of `{load.Target}`{(load == p?.Submit ? " (PostgreSQL)" : "")}, read in-process: {profile.Summary(load.Latencies.Count, "request")}.");
                }
            }

            md.AppendLine();
            foreach (var load in new[] { m.Submit, m.Queued, p?.Submit })
            {
                if (load is not null && load.PerSecond / m.SubmitAnchor.PerSecond < GatewayFigures.Target && (load != p?.Submit || p.SubmitRatio < GatewayFigures.Target))
                {
                    md.Append(ProfileOrWhyNot(load.Trace, f, root));
                }
            }
        }

        if (m is { StatusRatio: < GatewayFigures.Target, Status.Profile: { } statusProfile })
        {
            Line($"**Why the status read target is missed:** the bare endpoint serialises a stored object; the gateway authenticates, rate-limits, checks the caller owns the task, makes a grain call to the orchestrator, which builds a snapshot of the task (layers, agents, counts), and maps it to the API's JSON. Runtime counters over the gateway's rounds: {statusProfile.Summary(m.Status.Latencies.Count, "request")}.");
            md.AppendLine();
            md.Append(ProfileOrWhyNot(m.Status.Trace, f, root));
        }

        md.AppendLine("### Storage and cost per task (PostgreSQL, 1 silo process)");
        md.AppendLine();
        Line($"The same gateway and silo with PostgreSQL persistence (`Amas:Silo:Persistence=postgres`, schema from the silo's migrations, a throwaway server from `tests/Amas.Orleans.Testing`). Writes are counted by a wrapper around both grain storage providers (`Load/StorageCounter.cs`, installed the way the silo installs its `ObservedGrainStorage`); the bytes are the state as Orleans' serializer writes it, which is what the provider stores; a write is \"unchanged\" when its bytes equal the same grain's previous write. SQL statements are counted from Npgsql's activity source (`Load/SqlStatementCounter.cs`; every statement of the process: grain storage, reminders, task index, run journal). {s.Cost.Tasks} tasks one at a time for the counts; {s.CostTasks} tasks {StorageCostBenchmark.InFlight} at a time for CPU: process CPU time over the batch minus the idle rate measured just before ({s.IdleCpuPerSecond * 1000:F0} ms CPU per second idle), divided by the tasks ({s.TasksPerSecond:F1} tasks/s).");
        md.AppendLine();
        Line($"- state writes per task: **{s.Cost.WritesPerTask:F1}**, mean **{s.Cost.BytesPerWrite:F0} B** per write; state reads per task: {s.Cost.ReadsPerTask:F1}; writes of unchanged state: **{s.Cost.UnchangedWrites}**");
        Line($"- SQL statements per task: **{s.SqlPerTask:F1}**; grain calls per task: **{s.Cost.CallsPerTask:F1}**; CPU per task: **{s.CpuSecondsPerTask * 1000:F1} ms**");
        md.AppendLine();
        if (s.Cost.UnchangedWrites > 0)
        {
            Line($"**Writes of unchanged state:** {s.Cost.UnchangedWrites} of the batch's {s.Cost.WritesPerTask * s.Cost.Tasks:F0} writes stored bytes equal to the same grain's previous write. What they stored (for the orchestrator: its lifecycle and its agents' progress at the write):");
            md.AppendLine();
            md.AppendLine(Breakdown(s.Cost.UnchangedFrom, s.Cost.Tasks));
        }

        md.AppendLine("Writes by storage provider and state (whole counted batch):");
        md.AppendLine();
        md.AppendLine(Breakdown(s.Cost.Writes, s.Cost.Tasks));
        md.AppendLine("SQL statements by their first words (whole counted batch):");
        md.AppendLine();
        md.AppendLine(Breakdown(s.Sql, s.Cost.Tasks));

        md.AppendLine("### The local cluster: cost per task with 1 and 3 silo processes, recovery, submissions");
        md.AppendLine();
        if (c is not null)
        {
            Line($"`deploy/local/cluster.sh start --silos N` as a user runs it, driven by the system tests' `LocalCluster` (linked into the benchmark): N silo processes, one gateway process (an Orleans client, authentication on with the script's bootstrap admin key), Redis membership, PostgreSQL state, membership {ClusterBenchmark.Membership}; the silos run the real agents, one agent run at a time per silo (`MaxConcurrentAgentRuns=1`, as the system tests run them), on the sample repository of `tests/Amas.Orleans.Testing` (a few files; every agent of the plan runs). CPU is user + system time of the silo and gateway processes and their waited-for children (`git`) from `/proc/PID/stat`, less what the same processes used idle in the 11 s before the batch (their membership probes, reminders, dashboard statistics) for as long as the batch ran; row writes are `n_tup_ins + n_tup_upd + n_tup_del` over every table in `pg_stat_user_tables` (the server's own statistics, read after PostgreSQL published them), so they include the task index, run journal, reminders and membership-free tables alike. Grain messages are counted only in-process (1 silo, above): the silo processes export metrics over OTLP only, and no collector runs here.");
            md.AppendLine();
            md.AppendLine("| silo processes | tasks | tasks/s | silo CPU per task | gateway CPU per task | silos idle (CPU s per s) | PostgreSQL row writes per task | of which grain state |");
            md.AppendLine("|---:|---:|---:|---:|---:|---:|---:|---:|");
            foreach (var cost in new[] { c.OneSilo, c.ThreeSilos })
            {
                Line($"| {cost.Silos} | {cost.Tasks} | {cost.TasksPerSecond:F2} | {cost.SiloCpuSecondsPerTask * 1000:F0} ms | {cost.GatewayCpuSecondsPerTask * 1000:F0} ms | {cost.SiloIdleCpuPerSecond:F3} | {cost.RowWritesPerTask:F1} | {cost.StorageRowWritesPerTask:F1} |");
            }

            md.AppendLine();
            var rc = c.Recovery;
            if (rc.Skipped is null)
            {
                Line($"**Recovery:** {rc.Submitted} tasks on a larger repository (the sample plus 60 generated modules), submitted together; 2 s later the silo holding most unfinished orchestrators (per the task index) was killed with SIGKILL through `cluster.sh kill-silo`, and the clock ran until the task index showed every one of its {rc.Interrupted} unfinished tasks recorded on another silo or ended: **{rc.Seconds:F1} s**, against a membership detection time of {rc.DetectionSeconds:F0} s (target ≤ {rc.DetectionSeconds + RecoveryFigures.MarginSeconds:F0} s) — **{(rc.TargetMet ? "met" : "missed")}**. Every task then ran to its end before the next phase.");
            }
            else
            {
                Line($"**Recovery:** not measured ({rc.Skipped}).");
            }

            md.AppendLine();
            if (c.Submissions is { } sub)
            {
                Line($"**Submissions on the 3-silo cluster:** the silo killed above was started again first. Gateway (separate process, real agents behind it) {sub.Submit.PerSecond:F0}/s, p50 {sub.Submit.P50:F2} ms, p99 {sub.Submit.P99:F2} ms, other answers {sub.Submit.Unexpected:N0}; bare Kestrel with one INSERT into the same PostgreSQL {sub.SubmitAnchor.PerSecond:F0}/s; ratio {sub.SubmitRatio:P0}.");
                md.AppendLine();
                if (sub.SubmitRatio < GatewayFigures.Target)
                {
                    var why = ClusterPath(sub.Submit);
                    if (why.Length > 0)
                    {
                        md.AppendLine("**Why the target is missed:**" + why);
                        md.AppendLine();
                    }

                    md.Append(ProfileOrWhyNot(sub.Submit.Trace, f, root));
                }
            }

            md.AppendLine("Sizing basis (see docs/deploy.md): one task costs the CPU above in the silos; a silo process keeps its cores busy at about (cores ÷ CPU per task) tasks a second, less the cluster's own background work; state writes per task and bytes per write (above) size PostgreSQL's write load.");
        }
        else
        {
            Line($"Not measured by this run ({f.ClusterSkipped}). The crash itself is covered by `tests/Amas.Orleans.System.Tests/SiloCrashTests.cs` (`Twenty_tasks_all_succeed_when_the_silo_process_hosting_most_orchestrators_is_killed`, which prints the time until every interrupted task runs again).");
        }
        md.AppendLine();
        Line($"Measured {f.At:yyyy-MM-dd HH:mm} UTC at commit `{f.Commit}`, {Environment.ProcessorCount} cores shared with other sessions' builds and tests; load average before: {f.LoadBefore}, after: {f.LoadAfter}{(f.Smoke ? "; smoke mode (tiny counts: the figures are indicative only)" : "")}. Command: `{command}`.");
        md.AppendLine();
        return md.ToString();
    }

    /// <summary>Replaces the section in <paramref name="document"/>, or inserts it before <paramref name="before"/> (or at the end).</summary>
    public static string Splice(string document, string section, string before)
    {
        var start = document.IndexOf(Heading, StringComparison.Ordinal);
        if (start >= 0)
        {
            var next = document.IndexOf("\n## ", start + Heading.Length, StringComparison.Ordinal);
            return document[..start] + section + (next < 0 ? "" : document[(next + 1)..]);
        }

        var at = document.IndexOf(before, StringComparison.Ordinal);
        return at < 0 ? document.TrimEnd() + "\n\n" + section : document[..at] + section + document[at..];
    }

    /// <summary>The profile's split of the working CPU, as a sentence for a "why missed" paragraph (empty without a profile).</summary>
    private static string WhereTheCpuWent(PhaseProfile? profile) => profile is null ? "" : string.Create(Invariant,
        $" In the profile below, {profile.WorkShare("orchestrator", "agent", "the admission"):P0} of the working CPU is in our grains' turns (orchestrator, agents, admission), {profile.WorkShare("grain storage"):P0} in the in-memory storage grain and Orleans' storage bridge, {profile.WorkShare("Orleans' runtime"):P0} in Orleans' messaging and scheduling, and {profile.WorkShare("reminders", "the dashboard", "telemetry", "other Amas"):P0} in reminders, the dashboard's call filter, telemetry and the rest; the hottest methods: {Hottest(profile.Processes[0], 3)}.");

    private static string TasksVersusRequests(PhaseProfile? profile) => profile is null ? "" : string.Create(Invariant,
        $" The profile of the extra round below shows it: HTTP requests took {profile.WorkShare("HTTP"):P0} of the working CPU, the load driver {profile.WorkShare("the load driver"):P0}, and running the accepted tasks (orchestrators, agents, their storage writes, reminders, Orleans' messaging) {profile.WorkShare("orchestrator", "agent", "the admission", "grain storage", "reminders", "Orleans' runtime", "PostgreSQL"):P0}.");

    private static string PostgresPath(GatewayFigures? postgres) => postgres is not { SubmitRatio: < GatewayFigures.Target, Submit.Trace: { } profile } ? "" : string.Create(Invariant,
        $" With PostgreSQL (the last profile below) HTTP requests took {profile.WorkShare("HTTP"):P0} and the accepted tasks {profile.WorkShare("orchestrator", "agent", "the admission", "grain storage", "reminders", "Orleans' runtime", "PostgreSQL"):P0}; the hottest methods: {Hottest(profile.Processes[0], 3)}.");

    /// <summary>Why the cluster's submissions miss, from the profile of its gateway process and one silo.</summary>
    private static string ClusterPath(LoadFigures submit)
    {
        if (submit.Trace is not { Processes: [{ } gateway, { } silo, ..] } profile)
        {
            return "";
        }

        var text = string.Create(Invariant,
            $" The gateway is not the bottleneck: in the profiled round its process used {gateway.Counters?.CpuCores ?? double.NaN:F2} of {Environment.ProcessorCount} cores and {(gateway.Trace is { } g ? (double)g.IdleSamples / Math.Max(1, g.CpuSamples) : double.NaN):P0} of its managed samples were threads idle; a request waits for its grain call, an orchestrator turn on a silo that writes the task's state and index row to PostgreSQL and asks the one admission grain, beside the real agents of the tasks already accepted (one run at a time per silo). The silo profiled used {silo.Counters?.CpuCores ?? double.NaN:F2} cores;");
        return silo.Trace is { } t
            ? text + string.Create(Invariant, $" its working CPU: {string.Join(", ", t.Work.Take(4).Select(w => FormattableString.Invariant($"{w.What} {w.Fraction:P0}")))}; its hottest methods: {Hottest(silo, 3)}.")
            : text.TrimEnd(';') + ".";
    }

    private static string Hottest(ProcessProfile process, int count) => process.Trace is not { } trace ? "n/a"
        : string.Join(", ", trace.Methods.Take(count).Select(x => FormattableString.Invariant($"`{x.What}` {x.Fraction:P0}") + Gloss(x.What)));

    /// <summary>What a hot runtime method stands for, as read from the stacks above it (<c>trace-summary FILE --callers METHOD</c>).</summary>
    private static string Gloss(string method) => method switch
    {
        _ when method.Contains("Socket", StringComparison.Ordinal) => " (socket I/O: PostgreSQL, Orleans' own connections, HTTP)",
        _ when method.Contains("MayInvokeRequest", StringComparison.Ordinal) || method.Contains("ProcessPendingRequests", StringComparison.Ordinal)
            => " (Orleans going through the messages queued on a busy grain: every task asks the one admission grain, whose turns each wait for a state write)",
        _ when method.Contains("GetHashCodeWorker", StringComparison.Ordinal) => " (identity hashes of the objects Orleans deep-copies between grains)",
        _ when method.Contains("Enter_Slowpath", StringComparison.Ordinal) || method.Contains("TryEnterSlow", StringComparison.Ordinal)
            => " (contended locks: activity tags, Orleans' activation queues, grain directory, state bridge)",
        _ => "",
    };

    private static string QueuedPath(LoadFigures? queued) => queued?.Trace is not { } profile ? "" : string.Create(Invariant,
        $" There (second profile below) HTTP requests took {profile.WorkShare("HTTP"):P0} of the working CPU and the orchestrators' submit turns (validation, plan, state, index, recovery reminder, the admission request) with Orleans' messaging {profile.WorkShare("orchestrator", "Orleans' runtime", "grain storage", "reminders", "the admission"):P0}: every submission creates a grain, and every task waits on the one admission grain, which writes its whole waiting list with each task it queues ({queued.Latencies.Count:N0} tasks by the end of the measured rounds), so that row slows as its queue grows.");

    /// <summary>The profile of a row that misses, or why there is none.</summary>
    private static string ProfileOrWhyNot(PhaseProfile? profile, SystemFigures f, string root) => profile is not null
        ? ProfileMarkdown.Of(profile, root)
        : $"No profile of this row: {f.ProfilesMissing ?? "it was not taken"}.\n\n";

    private static string Met(bool met) => met ? "met" : "**missed** (see below)";

    private static string Breakdown(IReadOnlyDictionary<string, long> counts, int tasks)
    {
        var text = new StringBuilder();
        text.AppendLine("| what | count | per task |");
        text.AppendLine("|---|---:|---:|");
        foreach (var (what, count) in counts.OrderByDescending(c => c.Value).ThenBy(c => c.Key, StringComparer.Ordinal))
        {
            text.AppendLine(Invariant, $"| `{what}` | {count:N0} | {(double)count / tasks:F2} |");
        }

        return text.ToString();
    }
}
