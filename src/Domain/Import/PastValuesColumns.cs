namespace PmfBot.Domain.Import;

/// <summary>The columns of a past values file; docs/import.md documents them and a test keeps the two in step.</summary>
public static class PastValuesColumns
{
    public const string IndicatorCode = "Indicator code";
    public const string Period = "Period";
    public const string Value = "Value";
    public const string DataNotAvailableReason = "Data not available reason";
    public const string Commentary = "Commentary";

    public static IReadOnlyList<DataListColumn> All { get; } =
    [
        new(IndicatorCode, ColumnUse.EveryRow, "The indicator's code, as in the single data list.", "CPP-HA1"),
        new(Period, ColumnUse.EveryRow, "The period the value is for, in the indicator's frequency, written like the target columns: 2024-25-Q1, 2024-25-M07, 2024-25-H1 or 2024-25. It must have ended.", "2024-25-Q3"),
        new(Value, ColumnUse.Optional, "The value, a number (85% is 85). Blank only with a reason.", "412"),
        new(DataNotAvailableReason, ColumnUse.Optional, "Why there is no value for the period, instead of one.", "Survey not run this quarter"),
        new(Commentary, ColumnUse.Optional, "What the figure meant at the time.", "Winter pressures on discharge"),
    ];
}
