namespace PmfBot.Domain.Compliance;

/// <summary>One return as the compliance report sees it.</summary>
public sealed record ComplianceEntry(string Directorate, string Owner, ReturnCompliance Status);
