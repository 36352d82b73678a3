namespace PmfBot.Bench.Support;

/// <summary>Latencies in milliseconds, and their percentiles (nearest rank).</summary>
public sealed class Latencies
{
    private readonly List<double> _values = [];
    private readonly Lock _gate = new();

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _values.Count;
            }
        }
    }

    public void Add(double milliseconds)
    {
        lock (_gate)
        {
            _values.Add(milliseconds);
        }
    }

    public void Add(TimeSpan elapsed) => Add(elapsed.TotalMilliseconds);

    public double Percentile(double percent)
    {
        lock (_gate)
        {
            if (_values.Count == 0)
            {
                return double.NaN;
            }

            var sorted = _values.Order().ToList();
            var rank = (int)Math.Ceiling(percent / 100.0 * sorted.Count);
            return sorted[Math.Clamp(rank - 1, 0, sorted.Count - 1)];
        }
    }

    public double Mean
    {
        get
        {
            lock (_gate)
            {
                return _values.Count == 0 ? double.NaN : _values.Average();
            }
        }
    }

    public string Describe() =>
        $"p50 {Report.Ms(Percentile(50))}, p95 {Report.Ms(Percentile(95))}, p99 {Report.Ms(Percentile(99))}, max {Report.Ms(Percentile(100))} ({Count:N0} samples)";
}
