using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using PmfBot.Domain.Audit;
using PmfBot.Domain.BoardActions;
using PmfBot.Domain.Calendar;
using PmfBot.Domain.Cycle;
using PmfBot.Domain.Demo;
using PmfBot.Domain.Outbox;
using PmfBot.Domain.RagRatings;
using PmfBot.Domain.Ratings;
using PmfBot.Domain.Returns;
using PmfBot.Domain.Storage;
using PmfBot.Scheduler.Cycle;
using PmfBot.Scheduler.Jobs;
using PmfBot.Scheduler.Tests.Support;
using PmfBot.Tests.Support;
using static PmfBot.Scheduler.Tests.Support.Days;

namespace PmfBot.Scheduler.Tests.Cycle;

public sealed class QuarterCycleEndToEndOnSqlite() : QuarterCycleEndToEndTests(new SqliteTestDatabase());

public sealed class QuarterCycleEndToEndOnPostgres() : QuarterCycleEndToEndTests(new PostgresTestDatabase());

/// <summary>
/// Q3 2025/26 on the demo council, day by day from the quarter's last day to after the board
/// meetings, running the cycle and the delivery each morning as the recurring jobs would.
/// Q3 ends on Wednesday 31 December 2025; New Year's Day is a bank holiday, so returns open on
/// Friday 2 January and are due ten working days later, Thursday 15 January.
/// </summary>
public abstract class QuarterCycleEndToEndTests(TestDatabase database) : IAsyncLifetime
{
    private static readonly Period Q3 = Period.Quarter(2025, 3);
    private static readonly DateOnly QuarterEnds = D(2025, 12, 31);
    private static readonly DateOnly LastDay = D(2026, 2, 6);

    private readonly FakeTimeProvider _clock = new(TenAm(QuarterEnds).AddHours(-2));
    private readonly ReturnCalendar _calendar = ReturnCalendar.EnglandAndWales();
    private RecordingDelivery _delivery = null!;
    private ServiceProvider _services = null!;

    /// <summary>The priority whose returns all come in early (its lead is asked before the due date).</summary>
    private Guid _earlyPriority;

    private HashSet<Guid> _chairsBoardPriorities = [];

    public async Task InitializeAsync()
    {
        await database.InitializeAsync();
        await using (var db = database.NewContext())
        {
            await DemoCouncil.SeedAsync(db, _clock);
        }

        _delivery = new RecordingDelivery(_clock);
        _services = SchedulerServices.Build(database, _clock, _delivery);
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        await database.DisposeAsync();
    }

    [Fact]
    public async Task A_whole_quarter_sends_every_message_once_on_its_day()
    {
        var cycle = QuarterCycle.For(Q3, _calendar);
        Assert.Equal((D(2026, 1, 2), D(2026, 1, 15)), (cycle.Window.Opens, cycle.Window.Due));
        await ArrangeAsync();

        for (var day = QuarterEnds; day <= LastDay; day = day.AddDays(1))
        {
            _clock.SetUtcNow(TenAm(day).AddHours(-1));
            await ActAsPeopleWouldAsync(day);
            _clock.SetUtcNow(TenAm(day));
            await _services.RunCycleAndDeliverAsync();
        }

        await using var db = database.NewContext();
        var outbox = await db.Outbox.AsNoTracking().ToListAsync();
        var calls = _delivery.Calls;

        // Exactly once: every queued message was handed over once and recorded as sent.
        Assert.Equal(outbox.Count, calls.Count);
        Assert.Equal(outbox.Count, calls.Select(c => c.Message.Key).Distinct().Count());
        Assert.All(outbox, m => Assert.Equal(OutboxState.Sent, m.State));
        Assert.All(outbox, m => Assert.StartsWith("activity-", m.ActivityId));
        Assert.False(_delivery.OverlapSeen);

        // Returns open: each owner one card on 2 January listing every return they owe for Q3
        // and December (monthly), however many indicators.
        var opened = await db.Returns.AsNoTracking()
            .Where(r => r.Period == Q3 || r.Period == Period.Month(2025, 9))
            .Select(r => new { r.Id, r.Indicator.OwnerId })
            .ToListAsync();
        var returnsOpen = _delivery.Of(OutboxKinds.ReturnsOpen).Where(c => c.Day == D(2026, 1, 2)).ToList();
        Assert.Equal(opened.Select(r => r.OwnerId).Distinct().Order(), returnsOpen.Select(c => c.To!.Value).Order());
        foreach (var call in returnsOpen)
        {
            Assert.Equal(
                opened.Where(r => r.OwnerId == call.To).Select(r => r.Id).Order(),
                call.Payload<NudgePayload>().ReturnIds.Order());
        }

        // Reminders 5 and 1 working days before the due date (counted past the bank holiday),
        // the overdue reminder the working day after, escalation 3 working days after.
        Assert.Equal([D(2026, 1, 8), D(2026, 1, 14), D(2026, 2, 6)], _delivery.Of(OutboxKinds.Reminder).Select(c => c.Day).Distinct().Order());
        Assert.Equal([D(2026, 1, 16)], _delivery.Of(OutboxKinds.Overdue).Select(c => c.Day).Distinct());
        Assert.Equal([D(2026, 1, 20)], _delivery.Of(OutboxKinds.Escalation).Select(c => c.Day).Distinct());
        Assert.All(_delivery.Calls.Where(c => c.Kind.StartsWith("nudge.", StringComparison.Ordinal)), c => Assert.Equal(c.Day, c.Payload<NudgePayload>().Day));

        // Owners who had answered everything by then were not reminded.
        var earlyOwners = await OwnersOfAsync(db, _earlyPriority);
        var stillOwing = await db.Returns.AsNoTracking()
            .Where(r => (r.Period == Q3 || r.Period == Period.Month(2025, 9)) && r.SubmittedAt == null)
            .Select(r => r.Indicator.OwnerId).Distinct().ToListAsync();
        foreach (var owner in earlyOwners.Except(stillOwing))
        {
            Assert.DoesNotContain(_delivery.Of(OutboxKinds.Reminder), c => c.To == owner && c.Day < D(2026, 2, 1));
        }

        // Escalations: the owner's manager and the directorate's performance lead, each once.
        var escalations = _delivery.Of(OutboxKinds.Escalation);
        Assert.NotEmpty(escalations);
        var people = await db.People.AsNoTracking().ToDictionaryAsync(p => p.Id);
        var leads = await db.Directorates.AsNoTracking().ToDictionaryAsync(d => d.Id, d => d.PerformanceLeadId);
        foreach (var call in escalations)
        {
            var payload = call.Payload<NudgePayload>();
            var expected = payload.RecipientRole == "manager" ? people[payload.OwnerId].ManagerId : payload.PerformanceLeadId;
            Assert.Equal(expected, call.To);
        }

        Assert.Equal(
            _delivery.Of(OutboxKinds.Overdue).Select(c => c.To!.Value).Where(o => people[o].ManagerId != null).Order(),
            escalations.Where(c => c.Payload<NudgePayload>().RecipientRole == "manager").Select(c => c.Payload<NudgePayload>().OwnerId).Order());

        // Ratings: every priority's lead asked once; the early priority before the due date,
        // the rest the day after it. The chair asked once per proposal.
        var priorities = await db.Priorities.AsNoTracking().ToDictionaryAsync(p => p.Id);
        var askLead = _delivery.Of(OutboxKinds.AskLead);
        Assert.Equal(priorities.Keys.Order(), askLead.Select(c => c.Payload<RatingPayload>().PriorityId).Order());
        Assert.All(askLead, c => Assert.Equal(priorities[c.Payload<RatingPayload>().PriorityId].LeadOfficerId, c.To));
        Assert.Equal(D(2026, 1, 6), askLead.Single(c => c.Payload<RatingPayload>().PriorityId == _earlyPriority).Day);
        Assert.All(askLead.Where(c => c.Payload<RatingPayload>().PriorityId != _earlyPriority), c => Assert.Equal(D(2026, 1, 16), c.Day));
        Assert.Equal(_chairsBoardPriorities.Order(), _delivery.Of(OutboxKinds.AskChair).Select(c => c.Payload<RatingPayload>().PriorityId).Order());

        // Leads who had not proposed were reminded 3 and 1 working days before the meeting.
        var unrated = priorities.Keys.Except(_chairsBoardPriorities).ToList();
        var remindLead = _delivery.Of(OutboxKinds.RemindLead);
        Assert.Equal([D(2026, 1, 26), D(2026, 1, 28)], remindLead.Select(c => c.Day).Distinct().Order());
        Assert.Equal(unrated.Count * 2, remindLead.Count);

        // Summaries: once per board. The chair's board as soon as its ratings were decided; the
        // others, scrutiny and compliance on the board meeting day.
        var boards = await db.Boards.AsNoTracking().ToListAsync();
        var chairsBoard = boards.Single(b => b.ChairId == DemoCouncil.People.Chair.Id);
        var boardSummaries = _delivery.Of(OutboxKinds.BoardSummary);
        Assert.Equal(boards.Where(b => b.OwnsPriorities).Select(b => b.Id).Order(), boardSummaries.Select(c => c.To!.Value).Order());
        var early = boardSummaries.Single(c => c.To == chairsBoard.Id);
        Assert.True(early.Payload<SummaryPayload>().AllDecided);
        Assert.True(early.Day < cycle.BoardMeeting);
        Assert.All(boardSummaries.Where(c => c.To != chairsBoard.Id), c => Assert.Equal((cycle.BoardMeeting, false), (c.Day, c.Payload<SummaryPayload>().AllDecided)));
        Assert.Equal(
            boards.Where(b => b.IsScrutiny).Select(b => b.Id).Order(),
            _delivery.Of(OutboxKinds.ScrutinySummary).Select(c => c.To!.Value).Order());
        Assert.All(_delivery.Of(OutboxKinds.ScrutinySummary), c => Assert.Equal(cycle.BoardMeeting, c.Day));
        var compliance = Assert.Single(_delivery.Of(OutboxKinds.Compliance));
        Assert.Equal(boards.Single(b => b.Kind == Domain.Boards.BoardKind.GovernanceAndAudit).Id, compliance.To);

        // Self assessments: whoever answers each directorate's (its performance lead) is asked
        // once, before the board meeting; sign-off cards go only to the performance leads of
        // directorates that use sign-off, once per period and occasion.
        var directorates = await db.Directorates.AsNoTracking().ToListAsync();
        var selfAssessments = _delivery.Of(OutboxKinds.SelfAssessment);
        Assert.Equal(directorates.Where(d => d.PerformanceLeadId != null).Select(d => d.PerformanceLeadId).Order(), selfAssessments.Select(c => c.To).Order());
        Assert.All(selfAssessments, c => Assert.Equal(D(2026, 1, 23), c.Day));
        Assert.All(selfAssessments, c => Assert.True(c.Day < cycle.BoardMeeting));
        Assert.All(_delivery.Of(OutboxKinds.SignOff), c => Assert.Contains(directorates, d => d.UsesSignOff && d.PerformanceLeadId == c.To && d.Id == c.Payload<SignOffPayload>().DirectorateId));

        // Board actions are chased like returns.
        Assert.Equal(
            [(OutboxKinds.ActionReminder, D(2026, 1, 14)), (OutboxKinds.ActionReminder, D(2026, 1, 20)), (OutboxKinds.ActionOverdue, D(2026, 1, 22))],
            _delivery.Calls.Where(c => c.Kind.StartsWith("action.", StringComparison.Ordinal)).OrderBy(c => c.Day).Select(c => (c.Kind, c.Day)));
    }

    [Fact]
    public async Task Running_again_the_same_day_or_after_a_restart_queues_nothing_twice()
    {
        await ArrangeAsync();
        var first = new List<string>();
        for (var day = QuarterEnds; day <= D(2026, 1, 8); day = day.AddDays(1))
        {
            _clock.SetUtcNow(TenAm(day));
            var (cycle, _) = await _services.RunCycleAndDeliverAsync();
            _clock.Advance(TimeSpan.FromMinutes(15));
            var again = await _services.WithAsync<CycleJob, CycleJob.Result>(job => job.RunAsync(CancellationToken.None));
            var triggered = await _services.WithAsync<CycleJob, CycleJob.Result>(job => job.RunForAsync(day, CancellationToken.None));
            Assert.Equal((0, 0), (again.Queued, triggered.Queued));
            Assert.Equal(0, again.ReturnsOpened + triggered.ReturnsOpened);
        }

        Assert.NotEmpty(_delivery.Of(OutboxKinds.ReturnsOpen));
        Assert.NotEmpty(_delivery.Of(OutboxKinds.Reminder));

        // A restart: a new service provider (a new process) on the same database, the same day.
        await _services.DisposeAsync();
        var before = _delivery.Calls;
        _delivery = new RecordingDelivery(_clock);
        _services = SchedulerServices.Build(database, _clock, _delivery);
        var restarted = await _services.RunCycleAndDeliverAsync();
        Assert.Equal((0, 0), (restarted.Cycle.Queued, restarted.Delivery.Total));

        for (var day = D(2026, 1, 9); day <= D(2026, 1, 20); day = day.AddDays(1))
        {
            _clock.SetUtcNow(TenAm(day));
            await _services.RunCycleAndDeliverAsync();
        }

        var all = before.Concat(_delivery.Calls).ToList();
        Assert.Equal(all.Count, all.Select(c => c.Message.Key).Distinct().Count());
        Assert.NotEmpty(_delivery.Of(OutboxKinds.Overdue));
        Assert.NotEmpty(_delivery.Of(OutboxKinds.Escalation));
        await using var db = database.NewContext();
        Assert.Equal(all.Count, await db.Outbox.CountAsync(m => m.State == OutboxState.Sent));
    }

    [Fact]
    public async Task A_server_down_for_days_catches_up_what_it_missed_once()
    {
        await ArrangeAsync();
        _clock.SetUtcNow(TenAm(D(2026, 1, 2)));
        await _services.RunCycleAndDeliverAsync();

        // Down from Friday 2 January until Friday 9 January: Thursday's reminder is caught up.
        _clock.SetUtcNow(TenAm(D(2026, 1, 9)));
        var (cycle, delivery) = await _services.RunCycleAndDeliverAsync();

        Assert.Equal(D(2026, 1, 2), cycle.After);
        Assert.NotEmpty(_delivery.Of(OutboxKinds.Reminder));
        Assert.All(_delivery.Of(OutboxKinds.Reminder), c => Assert.Equal(D(2026, 1, 8), c.Payload<NudgePayload>().Day));
        Assert.Equal(cycle.Queued, delivery.Sent);
    }

    private async Task ArrangeAsync()
    {
        await using var db = database.NewContext();

        // The priority whose returns come in early: the one with the most indicators reporting in Q3.
        var byPriority = (await db.Indicators.AsNoTracking().Include(i => i.Priorities).ToListAsync())
            .SelectMany(i => i.Priorities.Select(l => new { l.PriorityId, i.Frequency }))
            .ToList();
        _earlyPriority = byPriority
            .Where(x => x.Frequency is Domain.Indicators.Frequency.Quarterly or Domain.Indicators.Frequency.Monthly)
            .GroupBy(x => x.PriorityId)
            .Where(g => byPriority.Where(x => x.PriorityId == g.Key).All(x => x.Frequency is Domain.Indicators.Frequency.Quarterly or Domain.Indicators.Frequency.Monthly))
            .OrderByDescending(g => g.Count()).First().Key;

        var chairsBoard = await db.Boards.AsNoTracking().SingleAsync(b => b.ChairId == DemoCouncil.People.Chair.Id);
        _chairsBoardPriorities = (await db.Priorities.AsNoTracking().Where(p => p.BoardId == chairsBoard.Id).Select(p => p.Id).ToListAsync()).ToHashSet();

        // A board action due on Wednesday 21 January: reminders on the 14th and 20th, overdue on the 22nd.
        var owner = await db.People.SingleAsync(p => p.Id == DemoCouncil.People.Owner.Id);
        db.BoardActions.Add(BoardAction.Request(chairsBoard.Id, null, "Report on the winter pressures plan", owner.Id, D(2026, 1, 21), Period.Quarter(2025, 2), Actor.System, _clock.GetUtcNow()));
        await db.SaveChangesAsync();
    }

    /// <summary>
    /// What people do before the morning run: the early priority's owners submit on 6 January;
    /// the chair's board's lead officers propose the day after they are asked, and the chair
    /// approves the day after that.
    /// </summary>
    private async Task ActAsPeopleWouldAsync(DateOnly day)
    {
        await using var db = database.NewContext();
        if (day == D(2026, 1, 6))
        {
            var periods = QuarterCycle.For(Q3, _calendar).ReturnPeriods;
            var toSubmit = await db.Returns.AsNoTracking()
                .Where(r => periods.Contains(r.Period) && r.Indicator.Priorities.Any(l => l.PriorityId == _earlyPriority))
                .Select(r => new { r.Id, r.Indicator.OwnerId })
                .ToListAsync();
            Assert.NotEmpty(toSubmit);
            foreach (var r in toSubmit)
            {
                await _services.WithAsync<SubmitReturn, IndicatorReturn>(use =>
                    use.HandleAsync(new SubmitReturn.Command(r.OwnerId, r.Id, TestCouncil.Entry(42))));
            }
        }

        foreach (var asked in _delivery.Of(OutboxKinds.AskLead).Where(c => c.Day < day))
        {
            var payload = asked.Payload<RatingPayload>();
            if (_chairsBoardPriorities.Contains(payload.PriorityId)
                && await db.Ratings.AsNoTracking().AnyAsync(r => r.Id == payload.RatingId && r.State == RatingState.AwaitingProposal))
            {
                await _services.WithAsync<ProposeRating, PriorityRating>(use =>
                    use.HandleAsync(new ProposeRating.Command(asked.To!.Value, payload.PriorityId, Q3, Rag.Green, "Every indicator is on or ahead of target this quarter.")));
            }
        }

        foreach (var asked in _delivery.Of(OutboxKinds.AskChair).Where(c => c.Day < day))
        {
            var payload = asked.Payload<RatingPayload>();
            if (await db.Ratings.AsNoTracking().AnyAsync(r => r.Id == payload.RatingId && r.State == RatingState.Proposed))
            {
                await _services.WithAsync<DecideRating, PriorityRating>(use =>
                    use.HandleAsync(new DecideRating.Command(asked.To!.Value, payload.RatingId!.Value, new DecideRating.Decision.Approve())));
            }
        }
    }

    private static async Task<List<Guid>> OwnersOfAsync(PmfDbContext db, Guid priorityId) =>
        await db.Indicators.AsNoTracking().Where(i => i.Priorities.Any(l => l.PriorityId == priorityId)).Select(i => i.OwnerId).Distinct().ToListAsync();
}
