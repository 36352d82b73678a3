namespace PmfBot.Domain.Import;

/// <summary>
/// A single data list as read from its file, before any checks: the header cells and the rows
/// under them, each row with the line (CSV) or row number (XLSX) a person sees in their editor.
/// </summary>
public sealed record Sheet(IReadOnlyList<string> Headers, IReadOnlyList<SheetRow> Rows, IReadOnlyList<ImportProblem> Problems)
{
    /// <summary>The line the header is on (1 unless blank lines come first).</summary>
    public int HeaderLine { get; init; } = 1;
}

public sealed record SheetRow(int Line, IReadOnlyList<string> Cells)
{
    public string Cell(int index) => index < Cells.Count ? Cells[index] : "";

    public bool IsBlank => Cells.All(string.IsNullOrWhiteSpace);
}
