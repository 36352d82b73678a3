using PmfBot.Domain.RagRatings;
using PmfBot.Domain.Ratings;

namespace PmfBot.Domain.Scorecards;

/// <summary>Where a priority's overall rating stands as the public reads it.</summary>
public enum RatingPublication
{
    /// <summary>The board's chair approved the lead officer's proposal.</summary>
    Approved,

    /// <summary>The board's chair changed the proposed rating, with a reason.</summary>
    Amended,

    /// <summary>Proposed by the lead officer; the chair has not decided. The proposal is not shown.</summary>
    AwaitingBoardApproval,

    /// <summary>No proposal yet, or the chair sent it back to the lead officer.</summary>
    NotYetRated,
}

/// <summary>
/// A priority's overall rating as published: only a rating the board's chair has approved or
/// amended carries a RAG and a summary. A proposal awaiting the chair, or one sent back, is never
/// shown, so the public never reads a rating the board has not agreed.
/// </summary>
public sealed record PublishedRating(RatingPublication State, Rag? Rag, string? Summary, string? AmendmentReason, DateTimeOffset? DecidedAt)
{
    public static PublishedRating Of(PriorityRating? rating) => rating?.State switch
    {
        RatingState.Approved => new(RatingPublication.Approved, rating.FinalRag, rating.ProposedSummary, null, rating.DecidedAt),
        RatingState.Amended => new(RatingPublication.Amended, rating.FinalRag, rating.ProposedSummary, rating.ChairComment, rating.DecidedAt),
        RatingState.Proposed => new(RatingPublication.AwaitingBoardApproval, null, null, null, null),
        _ => new(RatingPublication.NotYetRated, null, null, null, null),
    };

    public bool IsDecided => State is RatingPublication.Approved or RatingPublication.Amended;
}
