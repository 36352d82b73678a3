namespace PmfBot.Domain.RagRatings;

/// <summary>
/// The rating of one return: the computed rating is always kept; a person may override it
/// with a red, amber or green rating and a reason, and the override is what reports show.
/// </summary>
public sealed record RagAssessment
{
    private RagAssessment(Rag computed, Rag? @override, string? overrideReason)
    {
        Computed = computed;
        Override = @override;
        OverrideReason = overrideReason;
    }

    public Rag Computed { get; }

    public Rag? Override { get; }

    public string? OverrideReason { get; }

    public Rag Effective => Override ?? Computed;

    public bool IsOverridden => Override is not null;

    public static RagAssessment FromComputed(Rag computed) => new(computed, null, null);

    /// <summary>Rebuilds a stored assessment, checking the same rules as a fresh override.</summary>
    public static RagAssessment Restore(Rag computed, Rag? @override, string? overrideReason)
    {
        if (@override is { } rating)
        {
            return FromComputed(computed).OverrideWith(rating, overrideReason);
        }

        if (!string.IsNullOrWhiteSpace(overrideReason))
        {
            throw new PmfRuleException("An override reason was given without an override rating.");
        }

        return FromComputed(computed);
    }

    /// <summary>Replaces the effective rating; the computed one stays for the record.</summary>
    public RagAssessment OverrideWith(Rag rating, string? reason)
    {
        if (rating is not (Rag.Green or Rag.Amber or Rag.Red))
        {
            throw new PmfRuleException("A rating can only be overridden to red, amber or green.");
        }

        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new PmfRuleException("Give a reason when you change the rating from the one the figures give.");
        }

        return new RagAssessment(Computed, rating, reason.Trim());
    }

    /// <summary>A corrected value gives a new computed rating; a person's override stands.</summary>
    public RagAssessment Recomputed(Rag computed) => new(computed, Override, OverrideReason);

    public RagAssessment WithoutOverride() => FromComputed(Computed);
}
