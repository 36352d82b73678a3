using Microsoft.EntityFrameworkCore;
using PmfBot.Domain.Indicators;
using PmfBot.Domain.Priorities;
using PmfBot.Domain.Storage;

namespace PmfBot.Domain.Search;

/// <summary>
/// "status helth": finds the priority (or indicator, board, directorate) a person means. What each
/// kind holds, and what each text found, are kept under the data-version stamp
/// (<see cref="SearchResults"/>): scrutiny members ask for the same few things again and again.
/// </summary>
public sealed class FindPriority(PmfDbContext db, SearchResults kept)
{
    public Task<Lookup<Priority>> PriorityAsync(string text, CancellationToken cancellationToken = default) =>
        FindAsync("priority", text, db.Priorities, p => FuzzyMatch.Score(text, p.Code, p.Title), cancellationToken);

    public Task<Lookup<Indicator>> IndicatorAsync(string text, CancellationToken cancellationToken = default) =>
        FindAsync("indicator", text, db.Indicators, i => FuzzyMatch.Score(text, i.Code, i.Title), cancellationToken);

    public Task<Lookup<Boards.Board>> BoardAsync(string text, CancellationToken cancellationToken = default) =>
        FindAsync("board", text, db.Boards, b => FuzzyMatch.Score(text, "", b.Name), cancellationToken);

    public Task<Lookup<Directorates.Directorate>> DirectorateAsync(string text, CancellationToken cancellationToken = default) =>
        FindAsync("directorate", text, db.Directorates, d => FuzzyMatch.Score(text, d.Code, d.Name), cancellationToken);

    /// <summary>
    /// Every priority the text matches (score at least <see cref="Lookup{T}.Threshold"/>), best first and then by
    /// code: what the search message extension lists, page by page, where <c>status</c> wants one answer.
    /// </summary>
    public async Task<IReadOnlyList<Priority>> RankedPrioritiesAsync(string text, CancellationToken cancellationToken = default)
    {
        var all = (List<Priority>)await kept.All.GetOrLoadAsync(db, "priority", async () => await db.Priorities.AsNoTracking().ToListAsync(cancellationToken), cancellationToken);
        return all.Select(p => (Priority: p, Score: FuzzyMatch.Score(text, p.Code, p.Title)))
            .Where(x => x.Score >= Lookup<Priority>.Threshold)
            .OrderByDescending(x => x.Score)
            .ThenBy(x => x.Priority.Code, StringComparer.OrdinalIgnoreCase)
            .Select(x => x.Priority)
            .ToList();
    }

    private async Task<Lookup<T>> FindAsync<T>(string kind, string text, IQueryable<T> all, Func<T, double> score, CancellationToken cancellationToken)
        where T : class
    {
        var found = await kept.Found.GetOrLoadAsync(db, (kind, text), async () =>
        {
            var candidates = await kept.All.GetOrLoadAsync(db, kind, async () => await all.AsNoTracking().ToListAsync(cancellationToken), cancellationToken);
            return Lookup<T>.From((List<T>)candidates, score);
        }, cancellationToken);
        return (Lookup<T>)found;
    }
}

/// <summary>
/// The search's reading of each kind and the answer to each text, under the data-version stamp. The
/// entities kept are shared read-only snapshots.
/// </summary>
public sealed class SearchResults
{
    /// <summary>Distinct texts asked between two saved changes; beyond it, start again.</summary>
    public const int MaxTexts = 2_000;

    public StampedCache<string, object> All { get; } = new(8);

    public StampedCache<(string Kind, string Text), object> Found { get; } = new(MaxTexts);
}
