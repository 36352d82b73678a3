using PmfBot.Domain.RagRatings;
namespace PmfBot.Domain.Ratings;

/// <summary>Where a priority's overall progress rating is in the quarter.</summary>
public enum RatingState
{
    /// <summary>The lead officer has been asked and has not yet proposed.</summary>
    AwaitingProposal,
    Proposed,
    Approved,
    Amended,
    SentBack,
}
