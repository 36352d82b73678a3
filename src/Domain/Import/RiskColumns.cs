namespace PmfBot.Domain.Import;

/// <summary>The columns of a risk register; docs/import.md documents them and a test keeps the two in step.</summary>
public static class RiskColumns
{
    public const string PriorityCode = "Priority code";
    public const string Risk = "Risk";
    public const string OwnerEmail = "Owner email";
    public const string ImpactBefore = "Impact before mitigation";
    public const string LikelihoodBefore = "Likelihood before mitigation";
    public const string ImpactAfter = "Impact after mitigation";
    public const string LikelihoodAfter = "Likelihood after mitigation";
    public const string Mitigation = "Mitigation";

    public static IReadOnlyList<DataListColumn> All { get; } =
    [
        new(PriorityCode, ColumnUse.EveryRow, "The priority the risk threatens. With the risk's words, it is how the risk is known again on a re-import.", "CPP-HA"),
        new(Risk, ColumnUse.EveryRow, "The risk, as the register words it.", "Care market cannot meet demand for home care"),
        new(OwnerEmail, ColumnUse.Optional, "Who owns the risk: someone PmfBot knows, as an email or Name <email>.", "shona.barraclough@council.gov.uk"),
        new(ImpactBefore, ColumnUse.EveryRow, "low, medium or high (or L, M, H; 1, 2, 3): before mitigation.", "high"),
        new(LikelihoodBefore, ColumnUse.EveryRow, "low, medium or high: before mitigation.", "high"),
        new(ImpactAfter, ColumnUse.EveryRow, "low, medium or high: after mitigation.", "medium"),
        new(LikelihoodAfter, ColumnUse.EveryRow, "low, medium or high: after mitigation.", "medium"),
        new(Mitigation, ColumnUse.Optional, "What is being done about it.", "Framework of additional providers from January"),
    ];
}
