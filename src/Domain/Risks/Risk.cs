namespace PmfBot.Domain.Risks;

public enum RiskLevel
{
    Low,
    Medium,
    High,
}

/// <summary>
/// A risk to a priority, reported jointly with performance: impact and likelihood before
/// mitigation (inherent) and after it (residual).
/// </summary>
public sealed class Risk
{
    private Risk()
    {
    }

    public Risk(Guid id, Guid priorityId, string title, RiskLevel inherentImpact, RiskLevel inherentLikelihood, RiskLevel residualImpact, RiskLevel residualLikelihood)
    {
        Id = id;
        PriorityId = priorityId;
        Title = string.IsNullOrWhiteSpace(title) ? throw new PmfRuleException("A risk needs a title.") : title.Trim();
        InherentImpact = inherentImpact;
        InherentLikelihood = inherentLikelihood;
        ResidualImpact = residualImpact;
        ResidualLikelihood = residualLikelihood;
    }

    public Guid Id { get; private set; }

    public Guid PriorityId { get; private set; }

    public string Title { get; private set; } = "";

    public Guid? OwnerId { get; set; }

    public string? Mitigation { get; set; }

    public RiskLevel InherentImpact { get; private set; }

    public RiskLevel InherentLikelihood { get; private set; }

    public RiskLevel ResidualImpact { get; private set; }

    public RiskLevel ResidualLikelihood { get; private set; }

    /// <summary>The risk register says how the risk stands now (a re-import).</summary>
    public void Reassess(RiskLevel inherentImpact, RiskLevel inherentLikelihood, RiskLevel residualImpact, RiskLevel residualLikelihood)
    {
        InherentImpact = inherentImpact;
        InherentLikelihood = inherentLikelihood;
        ResidualImpact = residualImpact;
        ResidualLikelihood = residualLikelihood;
    }

    /// <summary>A 1-9 score (impact x likelihood, L=1 M=2 H=3) after mitigation, for ordering.</summary>
    public int ResidualScore => ((int)ResidualImpact + 1) * ((int)ResidualLikelihood + 1);
}
