namespace Amas.Orleans.Benchmarks.Router;

/// <summary>The latencies of one scenario, in milliseconds, and their percentiles (nearest rank).</summary>
public sealed record Latencies(string Scenario, IReadOnlyList<double> Milliseconds)
{
    public double P50 => Percentile(0.50);

    public double P99 => Percentile(0.99);

    public double Mean => Milliseconds.Average();

    public int Count => Milliseconds.Count;

    public double Percentile(double p)
    {
        var sorted = Milliseconds.Order().ToArray();
        var rank = (int)Math.Ceiling(p * sorted.Length);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Length - 1)];
    }
}
