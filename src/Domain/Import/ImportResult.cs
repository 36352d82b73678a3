namespace PmfBot.Domain.Import;

/// <summary>How many things of one kind an import created, changed and found already as the file says.</summary>
public readonly record struct Tally(int Created, int Updated, int Unchanged)
{
    public int Total => Created + Updated + Unchanged;

    public override string ToString() => $"{Created} created, {Updated} updated, {Unchanged} unchanged";
}

public sealed record ImportCounts(
    Tally People,
    Tally Directorates,
    Tally Plans,
    Tally Boards,
    Tally Priorities,
    Tally Indicators,
    int Links,
    int Targets)
{
    /// <summary>One line per kind, for the command line and the performance team.</summary>
    public IEnumerable<string> Lines()
    {
        yield return $"people: {People}";
        yield return $"directorates: {Directorates}";
        yield return $"plans: {Plans}";
        yield return $"boards: {Boards}";
        yield return $"priorities: {Priorities}";
        yield return $"indicators: {Indicators}";
        yield return $"indicator-priority links in the file: {Links}";
        yield return $"targets in the file: {Targets}";
    }
}

/// <summary>
/// What an import did: the counts when the file was written, or every problem when it was
/// rejected (then nothing was written).
/// </summary>
public sealed record ImportResult(ImportCounts? Counts, IReadOnlyList<ImportProblem> Problems)
{
    public bool Succeeded => Counts is not null && Problems.Count == 0;

    public static ImportResult Rejected(IReadOnlyList<ImportProblem> problems) => new(null, problems);
}
