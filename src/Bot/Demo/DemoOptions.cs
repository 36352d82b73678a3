using PmfBot.Domain.Settings;

namespace PmfBot.Bot.Demo;

/// <summary>The local demo's settings (`Demo` section).</summary>
public sealed class DemoOptions : ISettings
{
    public const string Section = "Demo";

    /// <summary>Seed the demo council into an empty database; unset: yes on SQLite, no on PostgreSQL.</summary>
    public bool? Seed { get; set; }

    /// <summary>The demo clock's first day in local mode (<see cref="DemoClock.ParseStart"/>).</summary>
    public string? Today { get; set; }

    public IReadOnlyList<string> Problems()
    {
        try
        {
            _ = DemoClock.ParseStart(Today);
            return [];
        }
        catch (InvalidOperationException ex)
        {
            return [ex.Message];
        }
    }
}
