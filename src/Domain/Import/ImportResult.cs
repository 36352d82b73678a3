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
/// rejected (then nothing was written). A single data list gives <see cref="Counts"/>; the other
/// files (past values, actions, risks) give <see cref="Summary"/> lines.
/// </summary>
public sealed record ImportResult(ImportCounts? Counts, IReadOnlyList<ImportProblem> Problems)
{
    /// <summary>Which kind of file it was, recognised by its headings.</summary>
    public ImportKind Kind { get; init; } = ImportKind.DataList;

    /// <summary>What a file other than the data list did, one line each ("past values: 24 imported, ...").</summary>
    public IReadOnlyList<string>? Summary { get; init; }

    /// <summary>What the file no longer has and is now retired (kept, no longer used).</summary>
    public IReadOnlyList<string> Retired { get; init; } = [];

    /// <summary>What was retired and is back.</summary>
    public IReadOnlyList<string> Reinstated { get; init; } = [];

    public bool Succeeded => Problems.Count == 0 && (Counts is not null || Summary is not null);

    public static ImportResult Rejected(IReadOnlyList<ImportProblem> problems) => new(null, problems);

    public static ImportResult Done(ImportKind kind, params string[] summary) => new(null, []) { Kind = kind, Summary = summary };

    /// <summary>Every line to print for a written file: counts, then what was retired and reinstated.</summary>
    public IEnumerable<string> Lines()
    {
        foreach (var line in Counts?.Lines() ?? Summary ?? [])
        {
            yield return line;
        }

        foreach (var retired in Retired)
        {
            yield return $"retired: {retired}";
        }

        foreach (var reinstated in Reinstated)
        {
            yield return $"reinstated: {reinstated}";
        }
    }
}
