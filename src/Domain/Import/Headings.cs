namespace PmfBot.Domain.Import;

/// <summary>
/// The headings of the smaller files (past values, actions, risks): matched ignoring case and
/// extra spaces, in any order; a heading twice, one it does not know, or a missing required one
/// is a problem on the heading line. Rows are then read by column name.
/// </summary>
internal sealed class Headings
{
    private readonly Dictionary<string, int> _index = new(StringComparer.Ordinal);

    private Headings()
    {
    }

    public bool Has(string column) => _index.ContainsKey(column);

    public string Get(SheetRow row, string column) => _index.TryGetValue(column, out var i) ? row.Cell(i).Trim() : "";

    /// <param name="what">The file in the council's words ("a past values file").</param>
    public static Headings Read(Sheet sheet, IReadOnlyList<DataListColumn> columns, string what, List<ImportProblem> problems)
    {
        var headings = new Headings();
        var known = columns.ToDictionary(c => CellWords.Normalise(c.Name), c => c.Name, StringComparer.Ordinal);
        var line = sheet.HeaderLine;
        for (var i = 0; i < sheet.Headers.Count; i++)
        {
            var heading = sheet.Headers[i].Trim();
            if (heading.Length == 0)
            {
                continue;
            }

            if (!known.TryGetValue(CellWords.Normalise(heading), out var name))
            {
                problems.Add(new ImportProblem(line, heading, $"this is not a column of {what} (see docs/import.md for its columns: {string.Join(", ", columns.Select(c => c.Name))})."));
            }
            else if (!headings._index.TryAdd(name, i))
            {
                problems.Add(new ImportProblem(line, heading, $"the heading appears twice (columns {headings._index[name] + 1} and {i + 1}): keep one."));
            }
        }

        foreach (var column in columns.Where(c => c.Use != ColumnUse.Optional && !headings.Has(c.Name)))
        {
            problems.Add(new ImportProblem(line, column.Name, "the column is missing: add it (see docs/import.md)."));
        }

        if (sheet.Rows.Count == 0 && sheet.Headers.Count > 0)
        {
            problems.Add(new ImportProblem(line, null, "the file has headings but no rows."));
        }

        return headings;
    }

    /// <summary>Problems for required cells left empty on a row.</summary>
    public void RequireCells(SheetRow row, IReadOnlyList<DataListColumn> columns, List<ImportProblem> problems)
    {
        foreach (var column in columns.Where(c => c.Use == ColumnUse.EveryRow && Has(c.Name) && Get(row, c.Name).Length == 0))
        {
            problems.Add(new ImportProblem(row.Line, column.Name, "this cell is empty; it is needed on every row."));
        }
    }
}
