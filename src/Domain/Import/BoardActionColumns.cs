namespace PmfBot.Domain.Import;

/// <summary>The columns of a board action tracker; docs/import.md documents them and a test keeps the two in step.</summary>
public static class BoardActionColumns
{
    public const string PriorityCode = "Priority code";
    public const string Action = "Action";
    public const string OwnerEmail = "Owner email";
    public const string DueDate = "Due date";
    public const string Status = "Status";

    public static IReadOnlyList<DataListColumn> All { get; } =
    [
        new(PriorityCode, ColumnUse.EveryRow, "The priority whose board asked for the action. With the action's words, it is how the action is known again on a re-import.", "CPP-HA"),
        new(Action, ColumnUse.EveryRow, "What is to be done, as the board worded it.", "Review discharge to assess pathway with the NHS trust"),
        new(OwnerEmail, ColumnUse.EveryRow, "Who owns the action: someone PmfBot knows (named in the single data list), as an email or Name <email>.", "mark.phelan@council.gov.uk"),
        new(DueDate, ColumnUse.EveryRow, "When it is due: 31/03/2026 or 2026-03-31.", "31/03/2026"),
        new(Status, ColumnUse.Optional, "not started, on track, delayed or complete. Blank: not started.", "on track"),
    ];
}
