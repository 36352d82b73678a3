namespace PmfBot.Domain.Tests.RagRatings;

using PmfBot.Domain.RagRatings;

public class RagAssessmentTests
{
    [Fact]
    public void Without_an_override_the_effective_rating_is_the_computed_one()
    {
        var assessment = RagAssessment.FromComputed(Rag.Amber);

        Assert.Equal(Rag.Amber, assessment.Effective);
        Assert.False(assessment.IsOverridden);
        Assert.Null(assessment.Override);
        Assert.Null(assessment.OverrideReason);
    }

    [Fact]
    public void An_override_with_a_reason_replaces_the_effective_rating_and_keeps_the_computed_one()
    {
        var assessment = RagAssessment.FromComputed(Rag.Amber)
            .OverrideWith(Rag.Red, "  Two care homes closed after the quarter ended.  ");

        Assert.Equal(Rag.Red, assessment.Effective);
        Assert.Equal(Rag.Amber, assessment.Computed);
        Assert.Equal(Rag.Red, assessment.Override);
        Assert.Equal("Two care homes closed after the quarter ended.", assessment.OverrideReason);
        Assert.True(assessment.IsOverridden);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void An_override_without_a_reason_is_refused(string? reason)
    {
        var error = Assert.Throws<PmfRuleException>(() => RagAssessment.FromComputed(Rag.Green).OverrideWith(Rag.Red, reason));
        Assert.Contains("reason", error.Message);
    }

    [Theory]
    [InlineData(Rag.NoData)]
    [InlineData(Rag.NoTarget)]
    public void An_override_must_be_red_amber_or_green(Rag rating) =>
        Assert.Throws<PmfRuleException>(() => RagAssessment.FromComputed(Rag.Green).OverrideWith(rating, "Because."));

    [Fact]
    public void A_return_with_no_data_can_still_be_rated_by_a_person_with_a_reason()
    {
        var assessment = RagAssessment.FromComputed(Rag.NoData).OverrideWith(Rag.Amber, "Survey delayed; early returns look similar to last year.");

        Assert.Equal(Rag.Amber, assessment.Effective);
        Assert.Equal(Rag.NoData, assessment.Computed);
    }

    [Fact]
    public void A_recomputed_rating_keeps_the_persons_override()
    {
        var assessment = RagAssessment.FromComputed(Rag.Amber).OverrideWith(Rag.Red, "Known problem.").Recomputed(Rag.Green);

        Assert.Equal(Rag.Green, assessment.Computed);
        Assert.Equal(Rag.Red, assessment.Effective);
        Assert.Equal("Known problem.", assessment.OverrideReason);
    }

    [Fact]
    public void Removing_the_override_returns_to_the_computed_rating()
    {
        var assessment = RagAssessment.FromComputed(Rag.Amber).OverrideWith(Rag.Red, "Known problem.").WithoutOverride();

        Assert.Equal(Rag.Amber, assessment.Effective);
        Assert.False(assessment.IsOverridden);
        Assert.Null(assessment.OverrideReason);
    }

    [Fact]
    public void A_stored_override_is_restored_as_it_was()
    {
        var assessment = RagAssessment.Restore(Rag.Green, Rag.Amber, "Data quality concerns.");

        Assert.Equal(RagAssessment.FromComputed(Rag.Green).OverrideWith(Rag.Amber, "Data quality concerns."), assessment);
    }

    [Fact]
    public void A_stored_override_without_its_reason_is_refused() =>
        Assert.Throws<PmfRuleException>(() => RagAssessment.Restore(Rag.Green, Rag.Amber, null));

    [Fact]
    public void A_stored_reason_without_an_override_is_refused() =>
        Assert.Throws<PmfRuleException>(() => RagAssessment.Restore(Rag.Green, null, "Orphan reason."));
}
