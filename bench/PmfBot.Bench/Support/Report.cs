using System.Globalization;

namespace PmfBot.Bench.Support;

/// <summary>One measured figure against its goal.</summary>
/// <param name="Baseline">What the figure is compared with, measured in the same run ("" when the goal is absolute).</param>
/// <param name="Ratio">Figure over baseline (or over the goal's reference), shown with the goal.</param>
public sealed record Figure(string Benchmark, string What, string Value, string Baseline, string Ratio, string Goal, bool Met);

/// <summary>Prints each figure as it is measured, and all of them as one table at the end.</summary>
public sealed class Report(TextWriter output)
{
    private readonly List<Figure> _figures = [];
    private readonly List<string> _notes = [];

    public TextWriter Output { get; } = output;

    public IReadOnlyList<Figure> Figures => _figures;

    public bool AllMet => _figures.All(f => f.Met);

    public void Heading(string text)
    {
        Output.WriteLine();
        Output.WriteLine($"== {text} ==");
        Line($"machine: {Environment.ProcessorCount} cores, load average {Machine.LoadAverage()} (other work on the machine inflates every time below)");
    }

    public void Line(string text) => Output.WriteLine("  " + text);

    /// <summary>A remark printed under the summary table (what was configured, what a figure means).</summary>
    public void Note(string text)
    {
        _notes.Add(text);
        Line("note: " + text);
    }

    public void Add(Figure figure)
    {
        _figures.Add(figure);
        Output.WriteLine($"  {figure.What}: {figure.Value}" +
            (figure.Baseline.Length > 0 ? $" | baseline {figure.Baseline} | ratio {figure.Ratio}" : figure.Ratio.Length > 0 ? $" | ratio {figure.Ratio}" : "") +
            $" | goal {figure.Goal} | {(figure.Met ? "PASS" : "MISS")}");
    }

    public void Summary()
    {
        Output.WriteLine();
        Output.WriteLine("== Summary ==");
        Output.WriteLine();
        Output.WriteLine("| # | What | Figure | Baseline | Ratio | Goal | |");
        Output.WriteLine("|---|---|---|---|---|---|---|");
        foreach (var f in _figures)
        {
            Output.WriteLine($"| {f.Benchmark} | {f.What} | {f.Value} | {f.Baseline} | {f.Ratio} | {f.Goal} | {(f.Met ? "PASS" : "MISS")} |");
        }

        if (_notes.Count > 0)
        {
            Output.WriteLine();
            foreach (var note in _notes)
            {
                Output.WriteLine("- " + note);
            }
        }

        Output.WriteLine();
        Output.WriteLine($"{_figures.Count(f => f.Met)} of {_figures.Count} goals met.");
    }

    public static string Ms(double milliseconds) => milliseconds.ToString(milliseconds < 10 ? "0.00" : "0.0", CultureInfo.InvariantCulture) + " ms";

    public static string Seconds(TimeSpan time) => time.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture) + " s";

    public static string Times(double ratio) => ratio.ToString("0.00", CultureInfo.InvariantCulture) + "x";

    public static string PerSecond(double rate) => rate.ToString("N0", CultureInfo.InvariantCulture) + "/s";

    public static string Mb(long bytes) => (bytes / 1024.0 / 1024.0).ToString("0", CultureInfo.InvariantCulture) + " MB";
}
