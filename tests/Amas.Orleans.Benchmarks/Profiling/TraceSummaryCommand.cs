namespace Amas.Orleans.Benchmarks.Profiling;

/// <summary><c>trace-summary FILE</c>: the summary of a nettrace, printed, for reading a kept profile again by hand.</summary>
public static class TraceSummaryCommand
{
    public static int Print(string file, string? callersOf = null)
    {
        if (callersOf is not null)
        {
            foreach (var share in TraceSummary.Callers(file, callersOf, 6, 15))
            {
                Console.WriteLine($"{share.Fraction,8:P1}  {share.What}");
            }

            return 0;
        }

        var summary = TraceSummary.Read(file, 25);
        Console.WriteLine($"{summary.CpuSamples} samples in managed code of {summary.ThreadSamples} thread samples; {summary.IdleSamples} idle, {summary.GcSamples} held for a GC, {summary.WorkingSamples} working");
        void List(string title, IReadOnlyList<Share> shares)
        {
            Console.WriteLine($"-- {title}");
            foreach (var share in shares)
            {
                Console.WriteLine($"{share.Fraction,8:P1}  {share.What}");
            }
        }

        List("CPU by work", summary.Work);
        List("CPU by component", summary.Components);
        List("CPU by method (exclusive)", summary.Methods);
        List("CPU under our code (inclusive)", summary.OwnCode);
        Console.WriteLine($"-- {summary.AllocationTicks} allocation ticks, {summary.SampledBytes / 1e6:F1} MB");
        List("allocated types", summary.AllocatedTypes);
        List("allocating components", summary.AllocatingComponents);
        List("allocation sites", summary.AllocationSites);
        Console.WriteLine($"-- {summary.ExceptionsThrown} exceptions thrown");
        foreach (var share in summary.Exceptions)
        {
            Console.WriteLine($"{share.Fraction,8:P1}  {share.What}");
        }

        return 0;
    }
}
