namespace PmfBot.Domain.Compliance;

/// <summary>Compliance counts by directorate and by owner (each ordered by key), and overall.</summary>
public sealed record ComplianceReport(
    IReadOnlyList<ComplianceCounts> ByDirectorate,
    IReadOnlyList<ComplianceCounts> ByOwner,
    ComplianceCounts Overall);
