using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using PmfBot.Bot.Cards;
using PmfBot.Bot.Conversation;
using PmfBot.Domain.Calendar;
using PmfBot.Domain.Indicators;
using PmfBot.Domain.People;
using PmfBot.Domain.Results;
using PmfBot.Domain.Returns;
using PmfBot.Domain.Storage;
using PmfBot.Domain.Travel;

namespace PmfBot.Bot.Returns;

/// <summary>
/// Builds the return card (what a person still has to answer) and the submitted card (what they
/// answered) from the database, with what they typed, the check and the errors laid over it.
/// Returns a use case has just saved are passed in (<c>known</c>) and laid over what is read, never read again.
/// </summary>
public sealed class ReturnCards(PmfDbContext db, CardRenderer renderer, TimeProvider clock, ReturnCalendar calendar)
{
    public const int ReturnPageSize = 4;
    public const int SubmittedPageSize = 6;

    private static readonly ReturnState[] Unanswered = [ReturnState.Open, ReturnState.Draft, ReturnState.SentBack];

    private static readonly ReturnState[] AnsweredStates = [ReturnState.Submitted, ReturnState.SignedOff, ReturnState.SentBack];

    /// <summary>The card's period: the quarter being reported (a return card from another quarter is stale).</summary>
    public Period CardPeriod => ReportingPeriods.Current(Frequency.Quarterly, Today);

    private DateOnly Today => UkTime.Today(clock);

    /// <summary>The period being reported for each frequency: what "answered this period" means.</summary>
    private List<Period> CurrentPeriods => Enum.GetValues<Frequency>().Select(f => ReportingPeriods.Current(f, Today)).ToList();

    /// <summary>What one return on the card shows besides what is saved: typed inputs, a check, errors.</summary>
    public sealed record Overlay(ReturnInputs? Typed, Check? Check, IReadOnlyDictionary<string, string>? Errors, bool Correcting = false);

    public sealed record Check(Badge Rag, Badge Travel, IReadOnlyList<string> Warnings)
    {
        public static Check None { get; } = new(Badge.Of(Domain.RagRatings.Rag.NoData), Badge.Of(DirectionOfTravel.NotComparable), []);
    }

    /// <summary>"my returns": the return card, or the submitted card, or a message when nothing is due.</summary>
    public async Task<JsonObject> ForPersonAsync(Person person, int page, Notice notice, CancellationToken cancellationToken)
    {
        var mine = await MineAsync(person, [], [], cancellationToken);
        if (mine.Unanswered.Count > 0)
        {
            return await ReturnCardAsync(person, mine, page, notice, new Dictionary<Guid, Overlay>(), cancellationToken);
        }

        return mine.Answered.Count > 0
            ? await SubmittedCardAsync(mine.Answered, page, notice, cancellationToken)
            : new MessageCards(renderer).Confirmation(
                "Nothing due",
                notice.Text.Length > 0 ? notice.Text : $"{person.Name}, you have no returns to enter for {CardPeriod.Label} or any open period.");
    }

    /// <summary>
    /// The return card for the person's unanswered returns, or for just the given returns (correcting);
    /// <paramref name="known"/> are returns as a use case left them, used instead of reading them.
    /// </summary>
    public async Task<JsonObject> ReturnCardAsync(
        Person person, int page, Notice notice, IReadOnlyDictionary<Guid, Overlay> overlays, IReadOnlyCollection<Guid>? only, CancellationToken cancellationToken,
        Guid? pageOf = null, IReadOnlyList<IndicatorReturn>? known = null)
    {
        var mine = await MineAsync(person, known ?? [], [], cancellationToken);
        if (only is not null && !only.All(id => mine.Unanswered.Any(r => r.Id == id)))
        {
            var wanted = known?.Where(k => only.Contains(k.Id)).ToList() ?? [];
            mine = mine with
            {
                Unanswered = wanted.Count == only.Count ? wanted : await LoadAsync(db.Returns.Where(r => only.Contains(r.Id)), cancellationToken),
            };
            page = 1;
        }

        return await ReturnCardAsync(person, mine, page, notice, overlays, cancellationToken, pageOf);
    }

    /// <summary>After a submit: the return card while any return is still unanswered, otherwise the submitted card with these.</summary>
    public async Task<JsonObject> AfterSubmitAsync(Person person, IReadOnlyList<IndicatorReturn> submitted, int page, Notice notice, CancellationToken cancellationToken)
    {
        var mine = await MineAsync(person, submitted, submitted.Select(s => s.Id).ToList(), cancellationToken);
        var current = CurrentPeriods;
        return mine.Unanswered.Count > 0
            ? await ReturnCardAsync(person, mine with { Answered = mine.Answered.Where(a => current.Contains(a.Period)).ToList() }, page, notice, new Dictionary<Guid, Overlay>(), cancellationToken)
            : await SubmittedCardAsync(mine.Answered, 1, notice, cancellationToken);
    }

    public async Task<JsonObject> SubmittedCardAsync(Person person, int page, Notice notice, CancellationToken cancellationToken) =>
        await SubmittedCardAsync((await MineAsync(person, [], [], cancellationToken)).Answered, page, notice, cancellationToken);

    /// <summary>A return card's check line, from the domain's preview.</summary>
    public static Check CheckOf(SubmitReturn.Preview preview) => new(Badge.Of(preview.Rag), Badge.Of(preview.Travel), preview.Warnings);

    /// <summary>The person's returns still to answer, and those answered this period (or in <paramref name="include"/>).</summary>
    private sealed record Mine(List<IndicatorReturn> Unanswered, List<IndicatorReturn> Answered);

    /// <summary>
    /// The person's returns in one read: <paramref name="known"/> (as a use case just saved them) are
    /// not read again but sorted in with the rest.
    /// </summary>
    private async Task<Mine> MineAsync(Person person, IReadOnlyList<IndicatorReturn> known, IReadOnlyCollection<Guid> include, CancellationToken cancellationToken)
    {
        var current = CurrentPeriods;
        var knownIds = known.Select(k => k.Id).ToList();
        var ids = include.ToList();
        var read = await LoadAsync(
            MayAnswer(person).Where(r => !knownIds.Contains(r.Id)
                && (Unanswered.Contains(r.State)
                    || (AnsweredStates.Contains(r.State) && !r.IsImported && (current.Contains(r.Period) || ids.Contains(r.Id))))),
            cancellationToken);
        var all = read.Concat(known).OrderByDescending(r => r.Period).ThenBy(r => r.Indicator.Code, StringComparer.Ordinal).ToList();
        return new Mine(
            all.Where(r => Unanswered.Contains(r.State)).ToList(),
            // A value imported from the council's file is history, not a return the person made.
            all.Where(r => AnsweredStates.Contains(r.State) && !r.IsImported && (current.Contains(r.Period) || ids.Contains(r.Id))).ToList());
    }

    private IQueryable<IndicatorReturn> MayAnswer(Person person)
    {
        var indicators = db.AnsweredBy(person.Id);
        return db.Returns.Where(r => indicators.Contains(r.IndicatorId));
    }

    // One read: an indicator has few targets and collators, so the joined rows stay small.
    private static async Task<List<IndicatorReturn>> LoadAsync(IQueryable<IndicatorReturn> query, CancellationToken cancellationToken) =>
        await query.AsNoTracking()
            .Include(r => r.Indicator).ThenInclude(i => i.Targets)
            .Include(r => r.Indicator).ThenInclude(i => i.Collators)
            .AsSingleQuery()
            .ToListAsync(cancellationToken);

    private async Task<JsonObject> ReturnCardAsync(
        Person person, Mine mine, int page, Notice notice, IReadOnlyDictionary<Guid, Overlay> overlays, CancellationToken cancellationToken, Guid? pageOf = null)
    {
        var period = CardPeriod;
        var open = mine.Unanswered;
        var done = mine.Answered.Where(d => open.All(o => o.Id != d.Id)).ToList();
        var history = await HistoryAsync(open.Select(r => r.IndicatorId).Distinct().ToList(), cancellationToken);
        var submitters = await NamesAsync(done.Select(d => d.SubmittedById), cancellationToken);
        var due = open.Count == 0 ? Today : open.Min(r => r.DueDate);
        var late = Today > due;
        var daysLeft = late ? 0 : calendar.WorkingDays.Between(Today, due);
        var drafts = open.Count(r => r.State == ReturnState.Draft);
        var notStarted = open.Count(r => r.State == ReturnState.Open);
        var sentBack = open.Count(r => r.State == ReturnState.SentBack);
        var progress = $"{ReturnText.Plural(open.Count + done.Count, "indicator", "indicators")} due: {done.Count} submitted, "
            + $"{ReturnText.Plural(drafts, "draft", "drafts")}, {notStarted} not started" + (sentBack > 0 ? $", {sentBack} sent back" : "");
        var doneLines = done.Select(d => new DoneLine(
            d.Indicator.Code,
            d.Indicator.Title,
            ReturnText.ValueOf(d, d.Indicator.Unit, withReason: false),
            Badge.Of(d.EffectiveRag),
            d.State == ReturnState.SignedOff
                ? "signed off"
                : $"submitted by {submitters.GetValueOrDefault(d.SubmittedById ?? Guid.Empty, "someone")}, {(d.SubmittedAt is { } at ? ReturnText.ShortDate(at) : "")}")).ToList();

        return renderer.RenderPaged("return-card", ReturnPageSize, size =>
        {
            var pageCount = Math.Max(1, (open.Count + size - 1) / size);
            var index = pageOf is { } id ? open.FindIndex(r => r.Id == id) : -1;
            var current = Math.Clamp(index >= 0 ? index / size + 1 : page, 1, pageCount);
            var items = open.Skip((current - 1) * size).Take(size).ToList();
            var first = (current - 1) * size + 1;
            return new ReturnCardData(
                period.Key,
                period.Label,
                person.Name,
                open.Count == 0 ? "" : late ? $"Overdue since {ReturnText.Date(due)}" : $"Due {ReturnText.LongDate(due)}: {ReturnText.Plural(daysLeft, "working day", "working days")} left",
                late ? "attention" : daysLeft <= 1 ? "warning" : "default",
                progress,
                notice,
                doneLines,
                current,
                pageCount,
                Math.Max(1, current - 1),
                Math.Min(pageCount, current + 1),
                $"Page {current} of {pageCount}: indicators {first} to {first + items.Count - 1} of {open.Count} still to submit",
                items.Count == 1 ? "Submit this return" : $"Submit these {items.Count} returns",
                items.Select(r => Indicator(r, period, history, overlays.GetValueOrDefault(r.Id))).ToList());
        });
    }

    private ReturnLine Indicator(IndicatorReturn r, Period cardPeriod, ILookup<Guid, IndicatorReturn> history, Overlay? overlay)
    {
        var typed = overlay?.Typed?.ClippedForCard() ?? ReturnInputs.Of(r);
        var errors = overlay?.Errors ?? new Dictionary<string, string>();
        var answered = history[r.IndicatorId].Where(h => h.HasAnswer).ToDictionary(h => h.Period);
        var lastValues = new List<LabelValue>();
        foreach (var p in new[] { r.Period.Previous(), r.Period.SameLastYear() })
        {
            lastValues.Add(new(p.Label, answered.TryGetValue(p, out var h) ? $"{ReturnText.ValueOf(h, r.Indicator.Unit, withReason: false)} · {Badge.Of(h.EffectiveRag).Label}" : "No return"));
        }

        var trendPeriods = Enumerable.Range(1, IndicatorResults.TrendLength).Reverse().Select(back => Back(r.Period, back)).ToList();
        lastValues.Add(new("Trend", $"{TextTrend.Of(trendPeriods.Select(p => answered.TryGetValue(p, out var h) ? h.Value : null).ToList())} (last {IndicatorResults.TrendLength} {PeriodNoun(r.Period)})"));
        var state = overlay?.Correcting == true || r.HasAnswer
            ? new Badge("Submitted: correcting", "default")
            : r.State switch
            {
                ReturnState.Draft => new Badge(
                    UkTime.DateOf(r.LastChangedAt) == Today ? $"Draft saved {ReturnText.Time(r.LastChangedAt)}" : $"Draft saved {ReturnText.ShortDate(r.LastChangedAt)}",
                    "warning"),
                ReturnState.SentBack => new Badge("Sent back", "attention"),
                _ => new Badge("Not started", "default"),
            };
        return new ReturnLine(
            r.Id.ToString(),
            r.Version.ToString(System.Globalization.CultureInfo.InvariantCulture),
            r.Indicator.Code,
            r.Period == cardPeriod ? r.Indicator.Title : $"{r.Indicator.Title} ({r.Period.Label})",
            r.Indicator.Unit,
            ReturnText.Target(r.Indicator, r.Period),
            ReturnText.Polarity(r.Indicator),
            state,
            r.State == ReturnState.SentBack ? r.SentBackComment ?? "" : "",
            lastValues,
            typed.ValueText,
            typed.NotAvailable,
            typed.NotAvailableReason,
            typed.OverrideRag is "none" ? "" : typed.OverrideRag,
            typed.OverrideReason,
            typed.Commentary,
            typed.ActionsDelivered,
            typed.ActionsPlanned,
            overlay?.Check is not null,
            overlay?.Check ?? Check.None,
            new FieldErrors(
                errors.GetValueOrDefault("value", ""),
                errors.GetValueOrDefault("notAvailableReason", ""),
                errors.GetValueOrDefault("overrideRag", ""),
                errors.GetValueOrDefault("overrideReason", ""),
                errors.GetValueOrDefault("commentary", ""),
                errors.GetValueOrDefault("actionsDelivered", ""),
                errors.GetValueOrDefault("actionsPlanned", "")));
    }

    private async Task<JsonObject> SubmittedCardAsync(List<IndicatorReturn> answered, int page, Notice notice, CancellationToken cancellationToken)
    {
        var period = CardPeriod;
        var names = await NamesAsync(answered.Select(a => a.SubmittedById), cancellationToken);
        var history = await HistoryAsync(answered.Select(a => a.IndicatorId).Distinct().ToList(), cancellationToken);
        var open = answered.Where(a => a.State == ReturnState.Submitted && Today <= a.DueDate).ToList();
        var windowText = open.Count > 0
            ? $"You can correct these until the end of {ReturnText.LongDate(open.Min(a => a.DueDate))}, unless they are signed off first."
            : "The window has closed: ask your performance lead.";
        var lines = answered.Select(a =>
        {
            var previous = history[a.IndicatorId].FirstOrDefault(h => h.Period == a.Period.Previous() && h.HasAnswer);
            var rag = a.EffectiveRag;
            return new SubmittedLine(
                a.Id.ToString(),
                a.Version.ToString(System.Globalization.CultureInfo.InvariantCulture),
                a.Indicator.Code,
                a.Period == period ? a.Indicator.Title : $"{a.Indicator.Title} ({a.Period.Label})",
                ReturnText.ValueOf(a, a.Indicator.Unit, withReason: true),
                Badge.Of(rag),
                a.OverrideRag is { } over ? $"Overridden from {Badge.Of(a.ComputedRag).Label} to {Badge.Of(over).Label}: {a.OverrideReason}" : "",
                Badge.Of(TravelRule.Compare(a.Value, previous?.Value, a.Indicator.Polarity)),
                a.State switch
                {
                    ReturnState.SignedOff => new Badge("Signed off", "good"),
                    ReturnState.SentBack => new Badge("Sent back", "attention"),
                    _ => new Badge("Submitted", "good"),
                },
                a.SubmittedAt is { } at
                    ? $"Submitted by {names.GetValueOrDefault(a.SubmittedById ?? Guid.Empty, "someone")} on {ReturnText.ShortDate(at)} at {ReturnText.Time(at)}{(a.SubmittedLate ? " (late)" : "")}"
                    : "",
                a.Commentary ?? "",
                a.ActionsDelivered ?? "",
                a.ActionsPlanned ?? "",
                a.State == ReturnState.Submitted && Today <= a.DueDate);
        }).ToList();
        var submitted = answered.Count(a => a.HasAnswer);
        return renderer.RenderPaged("submitted-card", SubmittedPageSize, size =>
        {
            var (paging, items) = Paging.Of(lines, page, size, "returns");
            return new SubmittedCardData(
                period.Key,
                period.Label,
                submitted == answered.Count
                    ? answered.Count == 1 ? $"Your {period.Label} return is submitted. Thank you." : $"All {answered.Count} of your {period.Label} returns are submitted. Thank you."
                    : $"{submitted} of your {answered.Count} {period.Label} returns are submitted.",
                windowText,
                notice,
                paging.Page,
                paging.PageCount,
                paging.PreviousPage,
                paging.NextPage,
                paging.PageText,
                items);
        });
    }

    private async Task<ILookup<Guid, IndicatorReturn>> HistoryAsync(List<Guid> indicatorIds, CancellationToken cancellationToken) =>
        (await db.Returns.AsNoTracking().Where(r => indicatorIds.Contains(r.IndicatorId)).ToListAsync(cancellationToken)).ToLookup(r => r.IndicatorId);

    private async Task<Dictionary<Guid, string>> NamesAsync(IEnumerable<Guid?> ids, CancellationToken cancellationToken)
    {
        var wanted = ids.OfType<Guid>().Distinct().ToList();
        return await db.People.AsNoTracking().Where(p => wanted.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Name, cancellationToken);
    }

    private static Period Back(Period period, int steps)
    {
        for (var i = 0; i < steps; i++)
        {
            period = period.Previous();
        }

        return period;
    }

    private static string PeriodNoun(Period period) => period.Kind switch
    {
        PeriodKind.Month => "months",
        PeriodKind.HalfYear => "half years",
        PeriodKind.Year => "years",
        _ => "quarters",
    };

    private sealed record ReturnCardData(
        string PeriodKey, string PeriodLabel, string OwnerName, string DueText, string DueColor, string ProgressText, Notice Notice,
        IReadOnlyList<DoneLine> Done, int Page, int PageCount, int PreviousPage, int NextPage, string PageText, string SubmitTitle,
        IReadOnlyList<ReturnLine> Indicators);

    private sealed record DoneLine(string Code, string Title, string ValueText, Badge Rag, string StateText);

    private sealed record LabelValue(string Label, string Value);

    private sealed record FieldErrors(
        string Value, string NotAvailableReason, string OverrideRag, string OverrideReason, string Commentary, string ActionsDelivered, string ActionsPlanned);

    private sealed record ReturnLine(
        string ReturnId, string Version, string Code, string Title, string Unit, string TargetText, string PolarityText, Badge State,
        string SentBackComment, IReadOnlyList<LabelValue> LastValues, string ValueText, bool NotAvailable, string NotAvailableReason,
        string OverrideRag, string OverrideReason, string Commentary, string ActionsDelivered, string ActionsPlanned, bool Checked,
        Check Check, FieldErrors Errors);

    private sealed record SubmittedCardData(
        string PeriodKey, string PeriodLabel, string Headline, string WindowText, Notice Notice, int Page, int PageCount, int PreviousPage,
        int NextPage, string PageText, IReadOnlyList<SubmittedLine> Returns);

    private sealed record SubmittedLine(
        string ReturnId, string Version, string Code, string Title, string ValueText, Badge Rag, string RagNote, Badge Travel, Badge State,
        string SavedText, string Commentary, string ActionsDelivered, string ActionsPlanned, bool CanCorrect);
}
