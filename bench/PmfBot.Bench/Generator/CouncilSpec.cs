namespace PmfBot.Bench.Generator;

/// <summary>
/// The size of a generated council. The same spec, seed and day always give the same council
/// (names, structure, values, states); only the ids of returns and ratings, which the entities
/// make themselves from the clock and a random source, differ between runs.
/// </summary>
/// <param name="Quarters">Quarters of history up to and including the current one; 0 for structure only.</param>
/// <param name="Owners">People who own indicators (indicators are shared out among them in turn).</param>
/// <param name="ChannelOnlyShare">Owners PmfBot has seen only in a channel: a proactive message first creates their 1:1 chat.</param>
/// <param name="QuarterlyOnly">Every indicator quarterly (a campaign where every owner is due when a quarter's returns open); otherwise a council's mix of frequencies.</param>
public sealed record CouncilSpec(
    int Priorities,
    int Indicators,
    int Quarters,
    int Owners,
    int Seed = CouncilSpec.DefaultSeed,
    double ChannelOnlyShare = 0.1,
    bool QuarterlyOnly = false)
{
    public const int DefaultSeed = 20261123;

    /// <summary>The large council: 50 priorities, 2,000 indicators, 8 quarters of history.</summary>
    public static CouncilSpec Large { get; } = new(50, 2000, 8, 500);

    public CouncilSpec Doubled => this with { Priorities = Priorities * 2, Indicators = Indicators * 2, Owners = Owners * 2 };

    /// <summary>A council of <paramref name="indicators"/> indicators shaped like <see cref="Large"/> (40 indicators a priority).</summary>
    public static CouncilSpec WithIndicators(int indicators) =>
        new(Math.Max(1, indicators / 40), indicators, 8, Math.Max(1, indicators / 4));

    /// <summary>A campaign council: each owner owns one quarterly indicator, no history yet.</summary>
    public static CouncilSpec Campaign(int owners) => new(50, owners, 0, owners, QuarterlyOnly: true);

    public string Describe() =>
        $"{Priorities:N0} priorities, {Indicators:N0} indicators, {Owners:N0} owners, {Quarters} quarters of history (seed {Seed})";
}
