using System.Diagnostics;
using System.Globalization;

namespace Amas.Orleans.Benchmarks.Load;

/// <summary>
/// CPU time of this process and of the child processes it has waited for (a task with a local path target runs
/// <c>git</c> to pin its commit), from <c>/proc/self/stat</c>: utime, stime, cutime, cstime in clock ticks.
/// </summary>
public static class ProcessCpu
{
    private const double TicksPerSecond = 100; // USER_HZ on Linux

    public static (double Own, double Children) Seconds()
    {
        if (!File.Exists("/proc/self/stat"))
        {
            using var process = Process.GetCurrentProcess();
            return (process.TotalProcessorTime.TotalSeconds, 0);
        }

        var stat = File.ReadAllText("/proc/self/stat");
        // The command name (field 2) may hold spaces; the fields after its closing parenthesis are plain.
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        double Field(int number) => double.Parse(fields[number - 3], CultureInfo.InvariantCulture) / TicksPerSecond;
        return (Field(14) + Field(15), Field(16) + Field(17));
    }
}
