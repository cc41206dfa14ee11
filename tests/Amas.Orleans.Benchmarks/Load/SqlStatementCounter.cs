using System.Collections.Concurrent;
using System.Diagnostics;

namespace Amas.Orleans.Benchmarks.Load;

/// <summary>
/// Every SQL command this process sends through Npgsql, counted from Npgsql's own activity source (no server-side
/// extension needed): grain storage, reminders, the task index and the run journal alike. Grouped by the command's
/// first words, which name the table or the function it calls.
/// </summary>
public sealed class SqlStatementCounter : IDisposable
{
    private readonly ActivityListener _listener;
    private readonly ConcurrentDictionary<string, long> _byKind = new(StringComparer.Ordinal);
    private long _total;

    public SqlStatementCounter()
    {
        _listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == "Npgsql",
            // Off, Npgsql makes no activity at all: the counting must not fall on a measured phase.
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => Enabled ? ActivitySamplingResult.AllData : ActivitySamplingResult.None,
            ActivityStopped = Count,
        };
        ActivitySource.AddActivityListener(_listener);
    }

    public long Total => Interlocked.Read(ref _total);

    /// <summary>Counting only while on (a counted batch), like <see cref="StorageCounter.Enabled"/>.</summary>
    public bool Enabled { get; set; }

    public IReadOnlyDictionary<string, long> ByKind => new Dictionary<string, long>(_byKind, StringComparer.Ordinal);

    public void Reset()
    {
        _byKind.Clear();
        Interlocked.Exchange(ref _total, 0);
    }

    public void Dispose() => _listener.Dispose();

    private void Count(Activity activity)
    {
        var text = (activity.GetTagItem("db.query.text") ?? activity.GetTagItem("db.statement")) as string;
        if (text is null)
        {
            // Connection opens and the like carry no statement.
            return;
        }

        Interlocked.Increment(ref _total);
        _byKind.AddOrUpdate(Kind(text), 1, (_, n) => n + 1);
    }

    private static string Kind(string text)
    {
        var words = text.Split((char[])[' ', '\n', '\r', '\t', '('], StringSplitOptions.RemoveEmptyEntries);
        return string.Join(' ', words.Where(w => w != "*").Take(3)).ToLowerInvariant();
    }
}
