using System.Globalization;
using PmfBot.Domain.Calendar;

namespace PmfBot.Bench.Support;

/// <summary>The command line: <c>&lt;benchmark&gt; [--quick] [--rate N] [--owners N] [--today yyyy-mm-dd]</c>.</summary>
public sealed record BenchOptions(string Benchmark, bool Quick, int GlobalRate, int? Owners, DateOnly Today, string RepositoryRoot)
{
    public static readonly string[] Benchmarks = ["inbound", "fanout", "summaries", "status", "memory", "all"];

    public static BenchOptions Parse(string[] args)
    {
        if (args.Length == 0 || !Benchmarks.Contains(args[0], StringComparer.OrdinalIgnoreCase))
        {
            throw new BenchSetupException($"Say which benchmark to run: {string.Join(", ", Benchmarks)}. Options: --quick, --rate <requests per second>, --owners <n>, --today <yyyy-mm-dd>.");
        }

        var quick = false;
        var rate = 50;
        int? owners = null;
        var today = UkTime.Today(TimeProvider.System);
        for (var i = 1; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--quick":
                    quick = true;
                    break;
                case "--rate" when i + 1 < args.Length && int.TryParse(args[i + 1], out var r) && r > 0:
                    rate = r;
                    i++;
                    break;
                case "--owners" when i + 1 < args.Length && int.TryParse(args[i + 1], out var o) && o > 0:
                    owners = o;
                    i++;
                    break;
                case "--today" when i + 1 < args.Length && DateOnly.TryParseExact(args[i + 1], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d):
                    today = d;
                    i++;
                    break;
                default:
                    throw new BenchSetupException($"Unknown or incomplete option '{args[i]}'. Options: --quick, --rate <n>, --owners <n>, --today <yyyy-mm-dd>.");
            }
        }

        return new BenchOptions(args[0].ToLowerInvariant(), quick, rate, owners, today, FindRepositoryRoot());
    }

    public bool Runs(string benchmark) => Benchmark == "all" || Benchmark == benchmark;

    private static string FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "PmfBot.sln")))
            {
                return dir.FullName;
            }
        }

        return Directory.GetCurrentDirectory();
    }
}
