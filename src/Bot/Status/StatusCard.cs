using System.Text.Json.Nodes;
using PmfBot.Bot.Cards;
using PmfBot.Bot.Conversation;
using PmfBot.Domain.Calendar;
using PmfBot.Domain.Ratings;
using PmfBot.Domain.Risks;
using PmfBot.Domain.Search;
using PmfBot.Domain.Storage;
using PmfBot.Domain.Travel;
using DomainStatus = PmfBot.Domain.Status.PriorityStatus;

namespace PmfBot.Bot.Status;

/// <summary>
/// <c>status &lt;priority&gt;</c> and <c>status.show</c>: a priority's overall rating, indicators
/// with RAG, travel and trend, commentary, actions and risks. Read by anyone PmfBot knows: the
/// results are published to boards and scrutiny, so there is no write button on it.
/// </summary>
public sealed class StatusCard(
    DomainStatus status, FindPriority find, CardRenderer renderer, RenderedCardCache rendered, PmfDbContext db, MessageCards messages, TimeProvider clock)
    : ICommand, ICardAction
{
    public const string Kind = "status-card";
    public const int PageSize = 6;

    private sealed record Overall(Badge Rating, string StateText, string Summary);

    private sealed record IndicatorLine(
        string IndicatorId, string Code, string Title, string ValueText, string TargetText, Badge Rag, Badge Travel, Badge TravelYear,
        TrendChart Trend, string SharedText, string Commentary);

    private sealed record ActionLine(string Title, string OwnerName, string DueText, Badge Status, string Note);

    private sealed record RiskLine(string Title, string InherentText, string ResidualText, Badge Residual);

    private sealed record Data(
        string PriorityId, string PriorityCode, string PriorityTitle, string PlanName, string BoardId, string BoardName,
        string LeadOfficerName, string PeriodKey, string PeriodLabel, Overall Overall, string ResultsText,
        int Page, int PageCount, int PreviousPage, int NextPage, string PageText,
        IReadOnlyList<IndicatorLine> Indicators, IReadOnlyList<ActionLine> Actions, IReadOnlyList<RiskLine> Risks);

    public async Task<JsonObject> RunAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        if (request.Person is null)
        {
            return messages.NotKnown();
        }

        if (string.IsNullOrWhiteSpace(request.Argument))
        {
            return LookupReplies.Missing(messages, "priority", "Type a priority's code or words from its title, for example: status HW1.");
        }

        var lookup = await find.PriorityAsync(request.Argument, cancellationToken);
        return await lookup.AnswerAsync(
            messages,
            "priority",
            request.Argument,
            p => $"{p.Code}: {p.Title}",
            p => $"status {p.Code}",
            "Try the priority's code (for example HW1) or a few words from its title.",
            priority => BuildAsync(priority.Id, ResultText.CurrentQuarter(clock), 1, cancellationToken));
    }

    public async Task<JsonNode> HandleAsync(CardActionRequest request, CancellationToken cancellationToken) => await ShowAsync(request, 1, cancellationToken);

    /// <summary>A page of the card, as an invoke's answer: written out as kept since the last saved change.</summary>
    public Task<JsonNode> ShowAsync(CardActionRequest request, int page, CancellationToken cancellationToken)
    {
        var (priorityId, quarter) = (request.Id("priorityId"), ResultText.QuarterOf(request, clock));
        return rendered.GetOrRenderForAnswerAsync(db, KeyFor(priorityId, quarter, page), () => RenderAsync(priorityId, quarter, page, cancellationToken), cancellationToken);
    }

    /// <summary>The card, as rendered for anyone since the last saved change (<see cref="RenderedCardCache"/>).</summary>
    public Task<JsonObject> BuildAsync(Guid priorityId, Period quarter, int page, CancellationToken cancellationToken) =>
        rendered.GetOrRenderAsync(db, KeyFor(priorityId, quarter, page), () => RenderAsync(priorityId, quarter, page, cancellationToken), cancellationToken);

    private RenderedCardCache.Key KeyFor(Guid priorityId, Period quarter, int page) => new(Kind, priorityId, quarter.Key, page, UkTime.Today(clock));

    private async Task<JsonObject> RenderAsync(Guid priorityId, Period quarter, int page, CancellationToken cancellationToken)
    {
        var view = await status.LoadAsync(priorityId, quarter, cancellationToken);
        var priority = view.Priority;
        var planName = view.PlanName;
        var decidedBy = view.Rating?.DecidedById is { } chairId ? view.PeopleNames.GetValueOrDefault(chairId) : null;

        var rags = view.Indicators.Select(i => i.Rag).ToList();
        var travels = view.Indicators.Select(i => i.Travel.AgainstPreviousPeriod).ToList();
        var resultsText = $"{ResultText.RagCounts(rags)} · {travels.Count(t => t == DirectionOfTravel.Improving)} improving, {travels.Count(t => t == DirectionOfTravel.Worsening)} worsening";
        var lines = view.Indicators.Select(r =>
        {
            var shared = view.SharedWith.GetValueOrDefault(r.Indicator.Id, []);
            return new IndicatorLine(
                r.Indicator.Id.ToString(), r.Indicator.Code, r.Indicator.Title, ResultText.Value(r), ResultText.Target(r.Target, r.Indicator),
                Badge.Of(r.Rag), Badge.Of(r.Travel.AgainstPreviousPeriod), Badge.Of(r.Travel.AgainstSamePeriodLastYear), TrendChart.Of(r),
                shared.Count == 0 ? "" : $"Also counts towards {string.Join(" and ", shared)} (shared: weakens the golden thread).",
                r.Return is { HasAnswer: true } ret ? ret.Commentary ?? "" : "");
        }).ToList();
        var actions = view.Actions.Select(a => new ActionLine(
            a.Action.Title, a.OwnerName, $"{ResultText.Date(a.Action.DueDate)}{(a.IsOverdue ? " (overdue)" : "")}",
            Badge.Of(a.Action.Status), a.LatestNote ?? "")).ToList();
        var risks = view.Risks.Select(r => new RiskLine(
            r.Title,
            // The card says "before mitigation: ...; after: ...".
            $"{Level(r.InherentImpact)} impact, {Level(r.InherentLikelihood)} likelihood",
            $"{Level(r.ResidualImpact)} impact, {Level(r.ResidualLikelihood)} likelihood",
            Badge.OfRisk(r.ResidualScore))).ToList();

        return renderer.RenderPaged(Kind, PageSize, size =>
        {
            var (paging, items) = Paging.Of(lines, page, size, "indicators");
            var first = paging.Page == 1;
            return new Data(
                priority.Id.ToString(), priority.Code, priority.Title, planName, priority.BoardId.ToString(), view.BoardName,
                view.LeadOfficerName, view.Quarter.Key, view.Quarter.Label,
                new Overall(RatingBadge(view.Rating), StateText(view.Rating, decidedBy), first ? view.Rating?.ProposedSummary ?? "" : ""),
                resultsText, paging.Page, paging.PageCount, paging.PreviousPage, paging.NextPage, paging.PageText,
                items, first ? actions : [], first ? risks : []);
        });
    }

    public static Badge RatingBadge(PriorityRating? rating) =>
        rating?.FinalRag is { } rag ? Badge.Of(rag) : new Badge("Not yet rated", "default");

    public static string StateText(PriorityRating? rating, string? chairName) => rating?.State switch
    {
        RatingState.Approved => $"approved by {chairName ?? "the chair"}{On(rating.DecidedAt)}",
        RatingState.Amended => $"amended from {rating.ProposedRag} by {chairName ?? "the chair"}{On(rating.DecidedAt)}",
        RatingState.Proposed => $"proposed {rating.ProposedRag}, waiting for the chair",
        RatingState.SentBack => "sent back to the lead officer by the chair",
        RatingState.AwaitingProposal => "waiting for the lead officer's proposal",
        _ => "not yet rated this quarter",
    };

    private static string On(DateTimeOffset? at) => at is { } when ? $" on {ResultText.Date(when)}" : "";

    private static string Level(RiskLevel level) => level.ToString().ToLowerInvariant();
}
