using System.Diagnostics;
using System.Diagnostics.Metrics;
using Amas.Orleans.Tasks;

namespace Amas.Orleans.Telemetry;

/// <summary>Tasks on this silo: submitted, running now, ended by outcome, and how long they took.</summary>
public sealed class TaskMetrics
{
    public const string Submitted = "amas.tasks.submitted";
    public const string Running = "amas.tasks.running";
    public const string Completed = "amas.tasks.completed";
    public const string Duration = "amas.tasks.duration";

    private readonly Counter<long> _submitted;
    private readonly UpDownCounter<long> _running;
    private readonly Counter<long> _completed;
    private readonly Histogram<double> _duration;

    public TaskMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(AmasTelemetry.MeterName);
        _submitted = meter.CreateCounter<long>(Submitted, "{task}", "Tasks accepted, by kind.");
        _running = meter.CreateUpDownCounter<long>(Running, "{task}", "Tasks running on this silo now.");
        _completed = meter.CreateCounter<long>(Completed, "{task}", "Tasks that ended, by kind and outcome (succeeded, failed, cancelled).");
        _duration = meter.CreateHistogram<double>(Duration, "s", "From submission to the end of the task, by kind and outcome.");
    }

    public void RecordSubmitted(TaskKind kind) => _submitted.Add(1, KindTag(kind));

    public void RecordStartedHere(TaskKind kind) => _running.Add(1, KindTag(kind));

    public void RecordLeftHere(TaskKind kind) => _running.Add(-1, KindTag(kind));

    public void RecordEnded(TaskKind kind, TaskLifecycle outcome, TimeSpan duration)
    {
        var tags = new TagList { KindTag(kind), { TelemetryTags.Outcome, Names.Of(outcome) } };
        _completed.Add(1, tags);
        _duration.Record(duration.TotalSeconds, tags);
    }

    private static KeyValuePair<string, object?> KindTag(TaskKind kind) => new(TelemetryTags.TaskKind, TaskOptionCatalog.KindNames[kind]);
}
