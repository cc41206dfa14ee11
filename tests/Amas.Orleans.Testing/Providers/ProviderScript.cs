using System.Collections.Concurrent;

namespace Amas.Orleans.Testing.Providers;

/// <summary>One fake provider's behaviour: replies queued for the next requests, then a default reply.</summary>
public sealed class ProviderScript(string id)
{
    private readonly ConcurrentQueue<FakeReply> _next = new();
    private readonly ConcurrentQueue<ReceivedRequest> _received = new();
    private int _aborted;

    public FakeReply Default { get; private set; } = FakeReply.Answer($"answer from {id}");

    public IReadOnlyList<ReceivedRequest> Received => [.. _received];

    /// <summary>Requests whose caller hung up before the reply was sent (a timeout or a lost hedge).</summary>
    public int Aborted => Volatile.Read(ref _aborted);

    public ProviderScript Then(FakeReply reply)
    {
        _next.Enqueue(reply);
        return this;
    }

    public ProviderScript Always(FakeReply reply)
    {
        Default = reply;
        return this;
    }

    internal FakeReply Take(ReceivedRequest request)
    {
        _received.Enqueue(request);
        return _next.TryDequeue(out var reply) ? reply : Default;
    }

    internal void RecordAbort() => Interlocked.Increment(ref _aborted);
}
