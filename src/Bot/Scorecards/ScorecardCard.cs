using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using PmfBot.Bot.Cards;
using PmfBot.Bot.Conversation;
using PmfBot.Bot.Status;
using PmfBot.Domain.Calendar;
using PmfBot.Domain.Scorecards;
using PmfBot.Domain.Search;
using PmfBot.Domain.Storage;

namespace PmfBot.Bot.Scorecards;

/// <summary>
/// <c>scorecard &lt;directorate&gt;</c> and <c>scorecard.show</c>: a directorate's priorities with
/// summary and rating, key indicators, and the director's self assessment. Read-only, for anyone.
/// </summary>
public sealed class ScorecardCard(
    DirectorateScorecard scorecard, FindPriority find, PmfDbContext db, CardRenderer renderer, MessageCards messages, TimeProvider clock)
    : ICommand, ICardAction
{
    public const string Kind = "scorecard-card";
    public const int PageSize = 15;

    private sealed record PriorityLine(string PriorityId, string Code, string Title, Badge Rating, string Summary);

    private sealed record IndicatorLine(string Code, string Title, string ValueText, string TargetText, Badge Rag, Badge Travel);

    private sealed record Data(
        string DirectorateId, string DirectorateName, string DirectorName, string PeriodKey, string PeriodLabel, string Headline,
        IReadOnlyList<PriorityLine> Priorities, int Page, int PageCount, int PreviousPage, int NextPage, string PageText,
        IReadOnlyList<IndicatorLine> Indicators, string SelfAssessment, string SelfAssessmentByText);

    public async Task<JsonObject> RunAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        if (request.Person is null)
        {
            return messages.NotKnown();
        }

        var quarter = ResultText.CurrentQuarter(clock);
        if (string.IsNullOrWhiteSpace(request.Argument))
        {
            return request.Person.DirectorateId is { } own
                ? await BuildAsync(own, quarter, 1, cancellationToken)
                : LookupReplies.Missing(messages, "directorate", "Type a directorate's code or name, for example: scorecard adults and health.");
        }

        var lookup = await find.DirectorateAsync(request.Argument, cancellationToken);
        return await lookup.AnswerAsync(
            messages,
            "directorate",
            request.Argument,
            d => $"{d.Code}: {d.Name}",
            d => $"scorecard {d.Code}",
            "Try the directorate's code (for example AH) or its name.",
            directorate => BuildAsync(directorate.Id, quarter, 1, cancellationToken));
    }

    public async Task<JsonNode> HandleAsync(CardActionRequest request, CancellationToken cancellationToken) => await ShowAsync(request, 1, cancellationToken);

    public Task<JsonObject> ShowAsync(CardActionRequest request, int page, CancellationToken cancellationToken) =>
        BuildAsync(request.Id("directorateId"), ResultText.QuarterOf(request, clock), page, cancellationToken);

    public async Task<JsonObject> BuildAsync(Guid directorateId, Period quarter, int page, CancellationToken cancellationToken)
    {
        var view = await scorecard.LoadAsync(directorateId, quarter, cancellationToken);
        var directorId = await db.Directorates.Where(d => d.Id == directorateId).Select(d => d.DirectorId).SingleOrDefaultAsync(cancellationToken);
        var written = await db.SelfAssessments.AsNoTracking().Where(s => s.DirectorateId == directorateId && s.Period == quarter)
            .Select(s => new { s.WrittenById, s.WrittenAt }).SingleOrDefaultAsync(cancellationToken);
        var ids = new[] { directorId, written?.WrittenById }.Where(id => id is not null).Select(id => id!.Value).ToList();
        var names = await db.People.AsNoTracking().Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Name, cancellationToken);
        var priorities = view.Priorities.Select(p => new PriorityLine(
            p.Priority.Id.ToString(), p.Priority.Code, p.Priority.Title, StatusCard.RatingBadge(p.Rating), p.Rating?.ProposedSummary ?? "")).ToList();
        var indicators = view.Indicators.Select(r => new IndicatorLine(
            r.Indicator.Code, r.Indicator.Title, ResultText.Value(r), CardText.Target(r.Target, r.Indicator), Badge.Of(r.Rag), Badge.Of(r.Travel.AgainstPreviousPeriod))).ToList();
        var byText = written is { WrittenById: { } by, WrittenAt: { } at } && view.SelfAssessment is not null
            ? $"Written by {names.GetValueOrDefault(by, "unknown")} on {CardText.ShortDate(at)}."
            : "";

        return renderer.RenderPaged(Kind, PageSize, size =>
        {
            var (paging, items) = Paging.Of(indicators, page, size, "indicators");
            var first = paging.Page == 1;
            return new Data(
                directorateId.ToString(), view.DirectorateName,
                directorId is { } director ? names.GetValueOrDefault(director, "") : "",
                quarter.Key, quarter.Label,
                $"{CardText.Plural(priorities.Count, "priority", "priorities")} · {ResultText.RagCounts(view.Indicators.Select(r => r.Rag).ToList())}",
                first ? priorities : [], paging.Page, paging.PageCount, paging.PreviousPage, paging.NextPage, paging.PageText,
                items, first ? view.SelfAssessment ?? "" : "", first ? byText : "");
        });
    }
}
