using System.Text.Json;
using System.Text.Json.Nodes;
using PmfBot.Bot.Cards;
using PmfBot.Bot.Conversation;
using PmfBot.Domain.Audit;
using PmfBot.Domain.Calendar;
using PmfBot.Domain.Results;
using PmfBot.Domain.Returns;
using PmfBot.Domain.Search;
using PmfBot.Domain.Storage;

namespace PmfBot.Bot.Status;

/// <summary>
/// <c>trend &lt;indicator&gt;</c> and <c>indicator.history</c>: one indicator's values and ratings
/// per period and every change to its returns from the audit log (who, when, what), newest first.
/// </summary>
public sealed class HistoryCard(FindPriority find, PmfDbContext db, CardRenderer renderer, MessageCards messages, TimeProvider clock)
    : ICommand, ICardAction
{
    public const string Kind = "history-card";
    public const int PageSize = 15;
    private const int Periods = 8;

    private sealed record PeriodLine(string PeriodLabel, string ValueText, string TargetText, Badge Rag, Badge Travel, string StateText, string Commentary);

    private sealed record AuditLine(string AtText, string Who, string What);

    private sealed record Data(
        string IndicatorId, string PriorityId, string PriorityCode, string Code, string Title, string UnitText, string PolarityText,
        string FrequencyText, string OwnerName, string PrioritiesText, string TargetText, string Trend, string TrendText,
        string ChartUrl, string ChartAlt, string PeriodKey, IReadOnlyList<PeriodLine> Periods, string AuditText,
        int Page, int PageCount, int PreviousPage, int NextPage, IReadOnlyList<AuditLine> Audit);

    public async Task<JsonObject> RunAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        if (request.Person is null)
        {
            return messages.NotKnown();
        }

        if (string.IsNullOrWhiteSpace(request.Argument))
        {
            return LookupReplies.Missing(messages, "indicator", "Type an indicator's code or words from its title, for example: trend NI 154.");
        }

        var lookup = await find.IndicatorAsync(request.Argument, cancellationToken);
        return await lookup.AnswerAsync(
            messages,
            "indicator",
            request.Argument,
            i => $"{i.Code}: {i.Title}",
            i => $"trend {i.Code}",
            "Try the indicator's code (for example NI 154) or a few words from its title.",
            indicator => BuildAsync(indicator.Id, ResultText.CurrentQuarter(clock), 1, cancellationToken));
    }

    public async Task<JsonNode> HandleAsync(CardActionRequest request, CancellationToken cancellationToken) => await ShowAsync(request, 1, cancellationToken);

    public Task<JsonObject> ShowAsync(CardActionRequest request, int page, CancellationToken cancellationToken) =>
        BuildAsync(request.Id("indicatorId"), ResultText.QuarterOf(request, clock), page, cancellationToken);

    public async Task<JsonObject> BuildAsync(Guid indicatorId, Period quarter, int page, CancellationToken cancellationToken)
    {
        var view = await IndicatorHistory.LoadAsync(db, indicatorId, quarter, Periods, cancellationToken);
        var indicator = view.Indicator;
        var first = view.Priorities.FirstOrDefault();
        var trend = view.Periods.AsEnumerable().Reverse().ToList();
        var targets = view.Periods.Where(p => p.Target is not null).Select(p => p.Period.YearPeriod).Distinct().Take(2)
            .Select(year => (Year: year, Target: indicator.TargetFor(year)))
            .Where(t => t.Target is not null)
            .Select(t => $"{ResultText.Target(t.Target, indicator)} for {t.Year.FinancialYearLabel}")
            .ToList();
        var periods = view.Periods.Select(p => new PeriodLine(
            p.Period.Label,
            p.Return switch
            {
                { HasAnswer: true, Value: { } value } => ResultText.Number(value, indicator.Unit),
                { HasAnswer: true } => "Not available",
                _ => "No value",
            },
            ResultText.Target(p.Target, indicator),
            Badge.Of(p.Rag),
            Badge.Of(p.Travel),
            p.Return?.State switch
            {
                ReturnState.SignedOff => "signed off",
                ReturnState.Submitted => "submitted, not yet signed off",
                null => "no return",
                _ when p.Return.DueDate < UkTime.Today(clock) => "missing",
                _ => "not yet submitted",
            },
            p.Return is { HasAnswer: true } ret ? ret.Commentary ?? "" : "")).ToList();
        var audit = view.Changes.Select(c => new AuditLine(
            ResultText.DateTime(c.Entry.At),
            c.Entry.ActorPersonId is null ? "PmfBot (system)" : c.Entry.ActorName,
            What(c.Entry, c.Period))).ToList();
        var shared = view.Priorities.Count > 1 ? " (shared: weakens the golden thread)" : "";

        return renderer.RenderPaged(Kind, PageSize, size =>
        {
            var (paging, items) = Paging.Of(audit, page, size, "changes");
            return new Data(
                indicator.Id.ToString(), first?.Id.ToString() ?? "", first?.Code ?? "", indicator.Code, indicator.Title,
                UnitText(indicator.Unit), ResultText.PolarityText(indicator.Polarity), Frequency(indicator.Frequency), view.OwnerName,
                view.Priorities.Count == 0 ? "Counts towards no priority." : $"Counts towards {string.Join(" and ", view.Priorities.Select(p => $"{p.Code} {p.Title}"))}{shared}.",
                targets.Count == 0 ? "No target set" : string.Join("; ", targets),
                TextTrend.Of(trend.Select(p => p.Value).ToList()),
                trend.Count == 0 ? "" : $"{trend[0].Period.Label} to {trend[^1].Period.Label}",
                "", "", quarter.Key,
                paging.Page == 1 ? periods : [],
                audit.Count == 0 ? "no changes recorded yet"
                    : paging.PageCount == 1 ? $"{ResultText.Plural(audit.Count, "change", "changes")}, newest first"
                    : $"{audit.Count} changes, newest first: page {paging.Page} of {paging.PageCount}",
                paging.Page, paging.PageCount, paging.PreviousPage, paging.NextPage, items);
        });
    }

    /// <summary>"Q2 2025/26 return submitted: Value 78.4 → 82.4; State Draft → Submitted".</summary>
    public static string What(AuditEntry entry, Period period)
    {
        var head = $"{period.Label} return {entry.Action}";
        var changes = Changes(entry.Before, entry.After).Take(4).ToList();
        var text = changes.Count == 0 ? head : $"{head}: {string.Join("; ", changes)}";
        return text.Length > 400 ? text[..399] + "…" : text;
    }

    private static IEnumerable<string> Changes(string? before, string after)
    {
        if (before is null || JsonNode.Parse(before) is not JsonObject old || JsonNode.Parse(after) is not JsonObject now)
        {
            yield break;
        }

        foreach (var (field, value) in now)
        {
            if (field == "Period" || JsonNode.DeepEquals(old[field], value))
            {
                continue;
            }

            yield return $"{Words(field)} {Show(old[field])} → {Show(value)}";
        }
    }

    private static string Show(JsonNode? node)
    {
        var text = node is null ? "none" : node.GetValueKind() == JsonValueKind.String ? node.GetValue<string>() : node.ToJsonString();
        return text.Length > 60 ? text[..59] + "…" : text;
    }

    private static string Words(string field) => field switch
    {
        "ComputedRag" => "RAG",
        "OverrideRag" => "RAG override",
        "OverrideReason" => "Override reason",
        "NotAvailableReason" => "Not available reason",
        "ActionsDelivered" => "Actions delivered",
        "ActionsPlanned" => "Actions planned",
        "SentBackComment" => "Sent back comment",
        _ => field,
    };

    private static string UnitText(string unit) => unit switch
    {
        "%" => "Percentage",
        "" or "number" => "Number",
        _ => char.ToUpperInvariant(unit[0]) + unit[1..],
    };

    private static string Frequency(Domain.Indicators.Frequency frequency) => frequency switch
    {
        Domain.Indicators.Frequency.Monthly => "Monthly",
        Domain.Indicators.Frequency.Quarterly => "Quarterly",
        Domain.Indicators.Frequency.SixMonthly => "Six-monthly",
        _ => "Annual",
    };
}
