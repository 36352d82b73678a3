namespace PmfBot.Domain.Search;

/// <summary>
/// The answer to "which one did you mean": one clear match, a short list to pick from, or none.
/// </summary>
public sealed record Lookup<T>(T? Match, IReadOnlyList<T> Candidates)
{
    public const double Threshold = 0.6;
    public const int MaxCandidates = 5;

    public bool IsAmbiguous => Match is null && Candidates.Count > 0;

    public bool IsEmpty => Match is null && Candidates.Count == 0;

    /// <summary>
    /// Picks the best: a code typed exactly, or a score clearly ahead of the next one, is a
    /// match; otherwise the close ones are offered.
    /// </summary>
    public static Lookup<T> From(IEnumerable<T> items, Func<T, double> score)
    {
        var ranked = items.Select(item => (Item: item, Score: score(item)))
            .Where(x => x.Score >= Threshold)
            .OrderByDescending(x => x.Score)
            .Take(MaxCandidates)
            .ToList();
        if (ranked.Count == 0)
        {
            return new Lookup<T>(default, []);
        }

        var clearWinner = ranked[0].Score >= 0.99 || ranked.Count == 1 || ranked[0].Score - ranked[1].Score >= 0.1;
        return clearWinner
            ? new Lookup<T>(ranked[0].Item, [])
            : new Lookup<T>(default, ranked.Select(x => x.Item).ToList());
    }
}
