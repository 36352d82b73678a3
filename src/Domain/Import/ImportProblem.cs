namespace PmfBot.Domain.Import;

/// <summary>
/// One thing wrong with a single data list, where a person can find it: the line (CSV) or row
/// (XLSX), the column when there is one, and what to do about it.
/// </summary>
public sealed record ImportProblem(int Line, string? Column, string Message)
{
    public override string ToString() =>
        Column is null ? $"line {Line}: {Message}" : $"line {Line}, column {Column}: {Message}";
}
