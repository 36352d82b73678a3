using Microsoft.EntityFrameworkCore;
using PmfBot.Domain.Indicators;
using PmfBot.Domain.Priorities;
using PmfBot.Domain.Storage;

namespace PmfBot.Domain.Search;

/// <summary>"status helth": finds the priority (or indicator, board, directorate) a person means.</summary>
public sealed class FindPriority(PmfDbContext db)
{
    public async Task<Lookup<Priority>> PriorityAsync(string text, CancellationToken cancellationToken = default)
    {
        var priorities = await db.Priorities.AsNoTracking().ToListAsync(cancellationToken);
        return Lookup<Priority>.From(priorities, p => FuzzyMatch.Score(text, p.Code, p.Title));
    }

    public async Task<Lookup<Indicator>> IndicatorAsync(string text, CancellationToken cancellationToken = default)
    {
        var indicators = await db.Indicators.AsNoTracking().ToListAsync(cancellationToken);
        return Lookup<Indicator>.From(indicators, i => FuzzyMatch.Score(text, i.Code, i.Title));
    }

    public async Task<Lookup<Boards.Board>> BoardAsync(string text, CancellationToken cancellationToken = default)
    {
        var boards = await db.Boards.AsNoTracking().ToListAsync(cancellationToken);
        return Lookup<Boards.Board>.From(boards, b => FuzzyMatch.Score(text, "", b.Name));
    }

    public async Task<Lookup<Directorates.Directorate>> DirectorateAsync(string text, CancellationToken cancellationToken = default)
    {
        var directorates = await db.Directorates.AsNoTracking().ToListAsync(cancellationToken);
        return Lookup<Directorates.Directorate>.From(directorates, d => FuzzyMatch.Score(text, d.Code, d.Name));
    }
}
