using System.Text.Json;
using System.Text.Json.Nodes;
using PmfBot.Bot.Cards;
using PmfBot.Bot.Conversation;
using PmfBot.Domain.Audit;
using PmfBot.Domain.Calendar;
using PmfBot.Domain.RagRatings;
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
        string FrequencyText, string OwnerName, string PrioritiesText, string TargetText, TrendChart Trend,
        string PeriodKey, IReadOnlyList<PeriodLine> Periods, string AuditText,
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
        var trend = TrendChart.Of(view.Periods.AsEnumerable().Reverse().Select(p => new TrendChart.Row(p.Period, p.Value, p.Target)), indicator.Unit);
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
            What(c.Entry, c.Period, indicator.Unit))).ToList();
        var shared = view.Priorities.Count > 1 ? " (shared: weakens the golden thread)" : "";

        return renderer.RenderPaged(Kind, PageSize, size =>
        {
            var (paging, items) = Paging.Of(audit, page, size, "changes");
            return new Data(
                indicator.Id.ToString(), first?.Id.ToString() ?? "", first?.Code ?? "", indicator.Code, indicator.Title,
                ResultText.UnitText(indicator.Unit), ResultText.PolarityText(indicator.Polarity), Frequency(indicator.Frequency), view.OwnerName,
                view.Priorities.Count == 0 ? "Counts towards no priority." : $"Counts towards {string.Join(" and ", view.Priorities.Select(p => $"{p.Code} {p.Title}"))}{shared}.",
                targets.Count == 0 ? "No target set" : string.Join("; ", targets),
                trend, quarter.Key,
                paging.Page == 1 ? periods : [],
                audit.Count == 0 ? "no changes recorded yet"
                    : paging.PageCount == 1 ? $"{ResultText.Plural(audit.Count, "change", "changes")}, newest first"
                    : $"{audit.Count} changes, newest first: page {paging.Page} of {paging.PageCount}",
                paging.Page, paging.PageCount, paging.PreviousPage, paging.NextPage, items);
        });
    }

    /// <summary>
    /// "Q2 2025/26 return signed off: state submitted → signed off", in words: the period, what was done
    /// (AuditEntry.Action) and up to four fields that changed, never the model's field or enum names.
    /// </summary>
    public static string What(AuditEntry entry, Period period, string unit)
    {
        var head = $"{period.Label} return {entry.Action}";
        var changes = Changes(entry.Before, entry.After, unit).Take(4).ToList();
        var text = changes.Count == 0 ? head : $"{head}: {string.Join("; ", changes)}";
        return text.Length > 400 ? text[..399] + "…" : text;
    }

    private static IEnumerable<string> Changes(string? before, string after, string unit)
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

            yield return $"{Words(field)} {Show(field, old[field], unit)} → {Show(field, value, unit)}";
        }
    }

    private static readonly HashSet<string> PeoplesWords = ["Commentary", "OverrideReason", "NotAvailableReason", "SentBackComment", "ActionsDelivered", "ActionsPlanned"];

    private static string Show(string field, JsonNode? node, string unit)
    {
        if (node is null)
        {
            return "none";
        }

        var text = node.GetValueKind() switch
        {
            JsonValueKind.String => node.GetValue<string>(),
            JsonValueKind.Number when field is "Value" or "Target" => ResultText.Number(node.GetValue<decimal>(), unit),
            JsonValueKind.True => "yes",
            JsonValueKind.False => "no",
            _ => node.ToJsonString(),
        };
        text = field switch
        {
            "State" when Enum.TryParse<ReturnState>(text, out var state) => StateWords(state),
            "ComputedRag" or "OverrideRag" when Enum.TryParse<Rag>(text, out var rag) => Badge.Of(rag).Label.ToLowerInvariant(),
            _ when PeoplesWords.Contains(field) => $"\"{text}\"",
            _ => text,
        };
        return text.Length > 60 ? text[..59] + "…" : text;
    }

    private static string StateWords(ReturnState state) => state switch
    {
        ReturnState.Open => "open",
        ReturnState.Draft => "draft",
        ReturnState.Submitted => "submitted",
        ReturnState.SignedOff => "signed off",
        _ => "sent back",
    };

    private static string Words(string field) => field switch
    {
        "ComputedRag" => "RAG",
        "OverrideRag" => "RAG override",
        "NotAvailableReason" => "reason the data is not available",
        "SentBackComment" => "sent-back comment",
        "IsImported" => "imported",
        _ => string.Concat(field.Select((c, i) => i > 0 && char.IsUpper(c) ? " " + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString())),
    };

    private static string Frequency(Domain.Indicators.Frequency frequency) => frequency switch
    {
        Domain.Indicators.Frequency.Monthly => "Monthly",
        Domain.Indicators.Frequency.Quarterly => "Quarterly",
        Domain.Indicators.Frequency.SixMonthly => "Six-monthly",
        _ => "Annual",
    };
}
