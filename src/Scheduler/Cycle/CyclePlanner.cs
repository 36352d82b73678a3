using Microsoft.Extensions.Options;
using PmfBot.Domain.BoardActions;
using PmfBot.Domain.Calendar;
using PmfBot.Domain.Cycle;
using PmfBot.Domain.Indicators;
using PmfBot.Domain.Nudges;
using PmfBot.Domain.Ratings;
using PmfBot.Domain.Returns;
using PmfBot.Domain.Scorecards;
using PmfBot.Domain.Storage;
using PmfBot.Domain.Summaries;
using PmfBot.Scheduler.Graph;
using PmfBot.Scheduler.Hosting;

namespace PmfBot.Scheduler.Cycle;

/// <summary>
/// A period whose returns open in the span, and how many returns that is. Plain values (the
/// period's key and label): Hangfire stores it with the job's result.
/// </summary>
public sealed record PeriodOpening(string PeriodKey, string PeriodLabel, DateOnly Opens, int Returns)
{
    public PeriodOpening(Period period, DateOnly opens, int returns)
        : this(period.Key, period.Label, opens, returns)
    {
    }
}

/// <summary>What the cycle owes for the days after <see cref="After"/> up to <see cref="UpTo"/>.</summary>
public sealed record CyclePlan(DateOnly After, DateOnly UpTo, IReadOnlyList<PeriodOpening> Openings, IReadOnlyList<PlannedMessage> Messages);

/// <summary>
/// Works out every message the quarterly cycle owes for a span of days (DESIGN.md section 2):
/// returns opening, reminders, overdue, escalations, sign-off and self-assessment cards, rating
/// asks and reminders, summaries and board action reminders. Running it (<see cref="RunAsync"/>) also does what the messages
/// announce: opens the returns, creates the ratings awaiting a proposal, stores managers found
/// in the directory. Previewing it (<see cref="PreviewAsync"/>) writes nothing.
/// </summary>
public sealed class CyclePlanner(
    PmfDbContext db,
    IOptions<SchedulerOptions> options,
    ReturnCalendar calendar,
    OpenReturns openReturns,
    WhoIsDue whoIsDue,
    RatingRound ratings,
    SummariesDue summaries,
    ActionsDue actions,
    SignOffDue signOffs,
    SelfAssessmentsDue selfAssessments,
    ManagerLookup managers)
{
    public Task<CyclePlan> RunAsync(DateOnly after, DateOnly upTo, CancellationToken cancellationToken = default) =>
        PlanAsync(after, upTo, preview: false, cancellationToken);

    public Task<CyclePlan> PreviewAsync(DateOnly after, DateOnly upTo, CancellationToken cancellationToken = default) =>
        PlanAsync(after, upTo, preview: true, cancellationToken);

    /// <summary>The periods of every frequency whose return window opens after <paramref name="after"/> and on or before <paramref name="upTo"/>.</summary>
    public IReadOnlyList<(Period Period, DateOnly Opens)> PeriodsOpening(DateOnly after, DateOnly upTo)
    {
        var periods = new HashSet<Period>();
        for (var day = after.AddDays(1); day <= upTo; day = day.AddDays(1))
        {
            foreach (var frequency in Enum.GetValues<Frequency>())
            {
                periods.Add(ReportingPeriods.Current(frequency, day));
            }
        }

        return periods
            .Select(p => (Period: p, calendar.WindowFor(p).Opens))
            .Where(p => p.Opens > after && p.Opens <= upTo)
            .OrderBy(p => p.Period)
            .ToList();
    }

    private async Task<CyclePlan> PlanAsync(DateOnly after, DateOnly upTo, bool preview, CancellationToken cancellationToken)
    {
        // Returns open even for a period whose day was skipped (a pause resumed without catching
        // up, a first start just after a period ended): opening is state, not a message.
        var openings = new List<PeriodOpening>();
        var unopened = new List<Nudge>();
        var openAfter = Min(after, upTo.AddDays(-options.Value.Cycle.MaxCatchUpDays));
        foreach (var (period, opens) in PeriodsOpening(openAfter, upTo))
        {
            if (preview)
            {
                var wouldOpen = await openReturns.WouldOpenAsync(period, cancellationToken);
                if (wouldOpen.Count > 0)
                {
                    openings.Add(new PeriodOpening(period, opens, wouldOpen.Count));
                }

                if (opens > after)
                {
                    unopened.AddRange(wouldOpen.GroupBy(i => i.OwnerId).Select(g =>
                        new Nudge(g.Key, NudgeKind.ReturnsOpen, opens, calendar.WindowFor(period).Due, [], [period], null, null)));
                }
            }
            else
            {
                var opened = await openReturns.OpenAsync(period, cancellationToken);
                if (opened > 0)
                {
                    openings.Add(new PeriodOpening(period, opens, opened));
                }
            }
        }

        // The returns just opened (and their indicators and audit lines) are saved: tracking
        // thousands of them would make every later save in this job scan them all.
        db.ChangeTracker.Clear();

        var messages = new List<PlannedMessage>();
        var nudges = await whoIsDue.BetweenAsync(after, upTo, cancellationToken);
        var managersFound = preview
            ? new Dictionary<Guid, Guid>()
            : await managers.ResolveAsync(nudges.Where(n => n.Kind == NudgeKind.Escalation && n.ManagerId is null).Select(n => n.OwnerId), cancellationToken);
        messages.AddRange(nudges
            .Select(n => n.ManagerId is null && managersFound.TryGetValue(n.OwnerId, out var manager) ? n with { ManagerId = manager } : n)
            .SelectMany(ToMessages));
        messages.AddRange(MergeUnopened(unopened, messages));

        foreach (var cycle in QuarterCycle.RunningOn(upTo, calendar))
        {
            if (!preview)
            {
                await ratings.OpenAsync(cycle, upTo, cancellationToken);
            }

            messages.AddRange((await ratings.AsksAsync(cycle, after, upTo, includeUnopened: preview, cancellationToken)).Select(ToMessage));
            messages.AddRange((await summaries.OnAsync(cycle, upTo, cancellationToken)).Select(ToMessage));
            messages.AddRange((await selfAssessments.BetweenAsync(cycle, after, upTo, cancellationToken)).Select(ToMessage));
        }

        messages.AddRange((await signOffs.BetweenAsync(after, upTo, cancellationToken)).Select(ToMessage));

        messages.AddRange((await actions.BetweenAsync(after, upTo, cancellationToken)).Select(ToMessage));
        return new CyclePlan(after, upTo, openings, messages.DistinctBy(m => m.Key).ToList());
    }

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;

    // In a preview the returns of a period opening today do not exist yet: their owners' "returns
    // open" card is shown with the number of indicators it will list.
    private static IEnumerable<PlannedMessage> MergeUnopened(List<Nudge> unopened, List<PlannedMessage> planned)
    {
        foreach (var group in unopened.GroupBy(n => (n.OwnerId, n.Day)))
        {
            var nudge = group.First() with { Periods = group.SelectMany(n => n.Periods).Distinct().Order().ToList() };
            if (planned.All(m => m.Key != nudge.Key))
            {
                yield return ToMessage(nudge, nudge.OwnerId, "owner", nudge.Key) with
                {
                    Payload = NudgePayloadOf(nudge, "owner") with { IndicatorsToOpen = group.Count() },
                };
            }
        }
    }

    private static IEnumerable<PlannedMessage> ToMessages(Nudge nudge)
    {
        if (nudge.Kind != NudgeKind.Escalation)
        {
            yield return ToMessage(nudge, nudge.OwnerId, "owner", nudge.Key);
            yield break;
        }

        // An escalation goes to the owner's manager and to the directorate performance lead,
        // each queued under a key of its own.
        if (nudge.ManagerId is { } manager)
        {
            yield return ToMessage(nudge, manager, "manager", nudge.Key + ":manager");
        }

        if (nudge.PerformanceLeadId is { } lead && lead != nudge.ManagerId && lead != nudge.OwnerId)
        {
            yield return ToMessage(nudge, lead, "performance-lead", nudge.Key + ":performance-lead");
        }
    }

    private static PlannedMessage ToMessage(Nudge nudge, Guid to, string role, string key) =>
        new(key, OutboxKinds.Of(nudge.Kind), to, null, nudge.Periods.Count > 0 ? nudge.Periods.Max() : null, NudgePayloadOf(nudge, role));

    private static NudgePayload NudgePayloadOf(Nudge nudge, string role) =>
        new(nudge.OwnerId, role, nudge.Day, nudge.DueDate, nudge.ReturnIds, nudge.Periods.Select(p => p.Key).ToList(), nudge.ManagerId, nudge.PerformanceLeadId);

    private static PlannedMessage ToMessage(RatingRound.Ask ask)
    {
        var kind = OutboxKinds.Of(ask.Kind);
        return new PlannedMessage(
            $"{kind}:{ask.PriorityId:N}:{ask.Quarter.Key}:{ask.Occasion}",
            kind,
            ask.PersonId,
            null,
            ask.Quarter,
            new RatingPayload(ask.RatingId, ask.PriorityId, ask.BoardId, ask.Quarter.Key, ask.BoardMeeting));
    }

    private static PlannedMessage ToMessage(SummariesDue.Summary summary)
    {
        var kind = OutboxKinds.Of(summary.Kind);
        return new PlannedMessage(
            $"{kind}:{summary.BoardId:N}:{summary.Quarter.Key}",
            kind,
            null,
            summary.BoardId,
            summary.Quarter,
            new SummaryPayload(summary.BoardId, summary.Quarter.Key, summary.PriorityIds, summary.RatingIds, summary.AllDecided));
    }

    private static PlannedMessage ToMessage(SignOffDue.Ask ask) =>
        new(ask.Key, OutboxKinds.SignOff, ask.PerformanceLeadId, null, ask.Period,
            new SignOffPayload(ask.DirectorateId, ask.Period.Key, ask.SignOffDue, ask.Occasion == SignOffDue.Occasion.ReturnsIn ? "returns-in" : "due"));

    private static PlannedMessage ToMessage(SelfAssessmentsDue.Ask ask) =>
        new(ask.Key, OutboxKinds.SelfAssessment, ask.AnsweredById, null, ask.Quarter, new SelfAssessmentPayload(ask.DirectorateId, ask.Quarter.Key, ask.BoardMeeting));

    private static PlannedMessage ToMessage(ActionsDue.ActionNudge nudge) =>
        new(nudge.Key, OutboxKinds.Of(nudge.Kind), nudge.OwnerId, null, null, new ActionPayload(nudge.OwnerId, nudge.Day, nudge.DueDate, nudge.ActionIds));
}
