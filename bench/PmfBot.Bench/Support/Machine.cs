using System.Diagnostics;

namespace PmfBot.Bench.Support;

/// <summary>What else the machine is doing: the benchmarks share their cores, and say so next to their figures.</summary>
public static class Machine
{
    /// <summary>The 1-minute load average (runnable processes), or "unknown" off Linux.</summary>
    public static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "unknown";

    public static TimeSpan ProcessCpu() => Process.GetCurrentProcess().TotalProcessorTime;
}
