using System.Diagnostics.Tracing;

namespace PmfBot.Bench.Support;

/// <summary>EF Core's own counters (compiled query cache hits and misses), read in process.</summary>
public sealed class EfCounters : EventListener
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, double> _latest = [];

    public IReadOnlyDictionary<string, double> Latest
    {
        get
        {
            lock (_gate)
            {
                return new Dictionary<string, double>(_latest);
            }
        }
    }

    protected override void OnEventSourceCreated(EventSource source)
    {
        if (source.Name == "Microsoft.EntityFrameworkCore")
        {
            EnableEvents(source, EventLevel.Verbose, EventKeywords.All, new Dictionary<string, string?> { ["EventCounterIntervalSec"] = "1" });
        }
    }

    protected override void OnEventWritten(EventWrittenEventArgs data)
    {
        if (data.EventName != "EventCounters" || data.Payload is null)
        {
            return;
        }

        foreach (var payload in data.Payload.OfType<IDictionary<string, object>>())
        {
            var name = payload.TryGetValue("Name", out var n) ? n?.ToString() ?? "" : "";
            var value = payload.TryGetValue("Mean", out var mean) ? Convert.ToDouble(mean, System.Globalization.CultureInfo.InvariantCulture)
                : payload.TryGetValue("Increment", out var inc) ? Convert.ToDouble(inc, System.Globalization.CultureInfo.InvariantCulture) : 0;
            if (value < 0)
            {
                continue; // nothing happened in the interval
            }

            lock (_gate)
            {
                _latest[name] = value;
            }
        }
    }
}
