using PmfBot.Domain.RagRatings;
using PmfBot.Domain.Audit;
using PmfBot.Domain.Boards;
using PmfBot.Domain.Calendar;
using PmfBot.Domain.People;
using PmfBot.Domain.Priorities;

namespace PmfBot.Domain.Ratings;

/// <summary>
/// A priority's overall progress rating for a period: proposed by the lead officer with a short
/// summary, then approved, amended (with a reason) or sent back by the board's chair.
/// </summary>
public sealed class PriorityRating : AuditedEntity
{
    public const int MaxSummaryLength = 1500;

    private PriorityRating()
    {
    }

    public Guid PriorityId { get; private set; }

    public Priority Priority { get; private set; } = null!;

    public Period Period { get; private set; }

    public RatingState State { get; private set; }

    public Rag? ProposedRag { get; private set; }

    public string? ProposedSummary { get; private set; }

    public Guid? ProposedById { get; private set; }

    public DateTimeOffset? ProposedAt { get; private set; }

    /// <summary>The chair's rating when they amended the proposal.</summary>
    public Rag? AmendedRag { get; private set; }

    /// <summary>Why the chair amended, or what the chair asked for when sending it back.</summary>
    public string? ChairComment { get; private set; }

    public Guid? DecidedById { get; private set; }

    public DateTimeOffset? DecidedAt { get; private set; }

    /// <summary>The signed-off rating: the proposal if approved, the chair's if amended, otherwise none.</summary>
    public Rag? FinalRag => State switch
    {
        RatingState.Approved => ProposedRag,
        RatingState.Amended => AmendedRag,
        _ => null,
    };

    public bool IsDecided => State is RatingState.Approved or RatingState.Amended;

    protected override string AuditName => "Rating";

    public static PriorityRating AwaitProposal(Priority priority, Period period, DateTimeOffset now)
    {
        var rating = new PriorityRating
        {
            Id = Guid.CreateVersion7(now),
            PriorityId = priority.Id,
            Priority = priority,
            Period = period,
            State = RatingState.AwaitingProposal,
        };
        rating.Created(Actor.System, "asked the lead officer for a rating", now);
        return rating;
    }

    public void Propose(Person actor, Rag rating, string summary, DateTimeOffset now)
    {
        if (actor.Id != Priority.LeadOfficerId)
        {
            throw new PmfRuleException($"Only the lead officer for {Priority.Code} can propose its overall rating.");
        }

        if (IsDecided)
        {
            throw new PmfRuleException($"The {Period.Label} rating for {Priority.Code} has already been decided by the chair.");
        }

        EnsureRedAmberGreen(rating, "rating");
        var text = RequireText(summary, "Write a short summary of progress to go with the rating.", "summary");
        if (State == RatingState.Proposed && ProposedRag == rating && ProposedSummary == text)
        {
            return;
        }

        Change(Actor.Of(actor), State == RatingState.Proposed ? "changed the proposal" : "proposed", now, () =>
        {
            ProposedRag = rating;
            ProposedSummary = text;
            ProposedById = actor.Id;
            ProposedAt = now;
            ChairComment = null;
            State = RatingState.Proposed;
        });
    }

    public void Approve(Person actor, Board board, DateTimeOffset now)
    {
        EnsureChair(actor, board);
        if (State == RatingState.Approved)
        {
            return;
        }

        EnsureAwaitingDecision();
        Change(Actor.Of(actor), "approved", now, () => Decide(RatingState.Approved, actor, null, null, now));
    }

    public void Amend(Person actor, Board board, Rag rating, string reason, DateTimeOffset now)
    {
        EnsureChair(actor, board);
        EnsureRedAmberGreen(rating, "amendedRating");
        var why = RequireText(reason, "Say why you are changing the proposed rating.", "reason");
        if (State == RatingState.Amended && AmendedRag == rating && ChairComment == why)
        {
            return;
        }

        EnsureAwaitingDecision();
        if (rating == ProposedRag)
        {
            throw new PmfRuleException($"{rating} is the proposed rating: approve it instead of amending it.", "amendedRating");
        }

        Change(Actor.Of(actor), "amended", now, () => Decide(RatingState.Amended, actor, rating, why, now));
    }

    public void SendBack(Person actor, Board board, string comment, DateTimeOffset now)
    {
        EnsureChair(actor, board);
        var why = RequireText(comment, "Say what the lead officer should look at again.", "comment");
        if (State == RatingState.SentBack && ChairComment == why)
        {
            return;
        }

        EnsureAwaitingDecision();
        Change(Actor.Of(actor), "sent back", now, () => Decide(RatingState.SentBack, actor, null, why, now));
    }

    protected override object Snapshot() => new
    {
        Period = Period.Key,
        State = State.ToString(),
        ProposedRag = ProposedRag?.ToString(),
        ProposedSummary,
        AmendedRag = AmendedRag?.ToString(),
        ChairComment,
    };

    private void Decide(RatingState state, Person chair, Rag? amended, string? comment, DateTimeOffset now)
    {
        State = state;
        AmendedRag = amended;
        ChairComment = comment;
        DecidedById = chair.Id;
        DecidedAt = now;
    }

    private void EnsureChair(Person actor, Board board)
    {
        if (board.Id != Priority.BoardId)
        {
            throw new PmfRuleException($"{Priority.Code} belongs to another board.");
        }

        if (board.ChairId != actor.Id)
        {
            throw new PmfRuleException($"Only the chair of {board.Name} can decide the rating for {Priority.Code}.");
        }
    }

    private void EnsureAwaitingDecision()
    {
        if (State != RatingState.Proposed)
        {
            throw new PmfRuleException(State switch
            {
                RatingState.AwaitingProposal => $"There is no proposed rating for {Priority.Code} yet.",
                RatingState.SentBack => $"The {Period.Label} rating for {Priority.Code} was sent back and awaits a new proposal.",
                _ => $"The {Period.Label} rating for {Priority.Code} has already been decided ({State.ToString().ToLowerInvariant()}, {FinalRag}).",
            });
        }
    }

    private static void EnsureRedAmberGreen(Rag rating, string field)
    {
        if (rating is not (Rag.Green or Rag.Amber or Rag.Red))
        {
            throw new PmfRuleException("An overall rating is red, amber or green.", field);
        }
    }

    private static string RequireText(string? text, string whenMissing, string field)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new PmfRuleException(whenMissing, field);
        }

        var trimmed = text.Trim();
        return trimmed.Length > MaxSummaryLength
            ? throw new PmfRuleException($"Please keep it under {MaxSummaryLength} characters (it is {trimmed.Length}).", field)
            : trimmed;
    }
}
