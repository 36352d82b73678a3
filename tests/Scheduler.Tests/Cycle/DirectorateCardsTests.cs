using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using PmfBot.Domain.Calendar;
using PmfBot.Domain.Cycle;
using PmfBot.Domain.Nudges;
using PmfBot.Domain.Returns;
using PmfBot.Domain.Scorecards;
using PmfBot.Scheduler.Cycle;
using PmfBot.Scheduler.Jobs;
using PmfBot.Scheduler.Tests.Support;
using PmfBot.Tests.Support;
using static PmfBot.Scheduler.Tests.Support.Days;

namespace PmfBot.Scheduler.Tests.Cycle;

public sealed class DirectorateCardsOnSqlite() : DirectorateCardsTests(new SqliteTestDatabase());

public sealed class DirectorateCardsOnPostgres() : DirectorateCardsTests(new PostgresTestDatabase());

/// <summary>
/// The sign-off and self-assessment cards reach their people through the cycle, on a small
/// council of its own (<see cref="TestCouncil"/>: one directorate that uses sign-off, two quarterly
/// indicators). Q2 2025/26: returns due Tuesday 14 October 2025, sign-off Tuesday 21 October, the
/// board meeting Tuesday 28 October; every morning's cycle and delivery run twice.
/// </summary>
public abstract class DirectorateCardsTests(TestDatabase database) : IAsyncLifetime
{
    private static readonly Period Q2 = TestCouncil.Q2;

    private readonly FakeTimeProvider _clock = new(TenAm(D(2025, 9, 30)));
    private readonly ReturnCalendar _calendar = ReturnCalendar.EnglandAndWales();
    private RecordingDelivery _delivery = null!;
    private TestCouncil _council = null!;
    private ServiceProvider _services = null!;

    public async Task InitializeAsync()
    {
        _delivery = new RecordingDelivery(_clock);
        await database.InitializeAsync();
        _council = await new TestCouncil().SaveAsync(database, _clock.GetUtcNow());
        _services = SchedulerServices.Build(database, _clock, _delivery);
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        await database.DisposeAsync();
    }

    [Fact]
    public async Task The_sign_off_card_goes_to_the_performance_lead_when_the_returns_are_in_and_again_on_the_due_date_once_each()
    {
        var window = _calendar.WindowFor(Q2);
        Assert.Equal((D(2025, 10, 14), D(2025, 10, 21)), (window.Due, window.SignOff));

        await RunDaysAsync(D(2025, 10, 1), D(2025, 10, 24), before: async day =>
        {
            if (day == D(2025, 10, 9))
            {
                await SubmitAllAsync();
            }
        });

        var signOffs = _delivery.Of(OutboxKinds.SignOff);
        Assert.Equal(
            [("returns-in", D(2025, 10, 9)), ("due", D(2025, 10, 21))],
            signOffs.Select(c => (c.Payload<SignOffPayload>().Occasion, c.Day)));
        Assert.All(signOffs, c => Assert.Equal(_council.PerformanceLead.Id, c.To));
        Assert.All(signOffs, c => Assert.Equal((_council.Directorate.Id, Q2.Key, window.SignOff), (c.Payload<SignOffPayload>().DirectorateId, c.Payload<SignOffPayload>().PeriodKey, c.Payload<SignOffPayload>().SignOffDue)));
    }

    [Fact]
    public async Task Returns_not_all_in_get_no_card_and_none_is_sent_on_the_due_date_once_they_are_signed_off()
    {
        // One return in on the 9th: not all in, so no card then. Signed off on the 15th: nothing waits on the 21st.
        await RunDaysAsync(D(2025, 10, 1), D(2025, 10, 24), before: async day =>
        {
            if (day == D(2025, 10, 9))
            {
                await SubmitAsync(_council.Schools.Id);
            }

            if (day == D(2025, 10, 15))
            {
                await _services.WithAsync<SignOffReturns, int>(use => use.SignOffAllAsync(_council.PerformanceLead.Id, _council.Directorate.Id, Q2));
            }
        });

        Assert.Empty(_delivery.Of(OutboxKinds.SignOff));
    }

    [Fact]
    public async Task Values_imported_from_a_councils_file_are_history_and_ask_no_sign_off_while_one_submitted_in_teams_does()
    {
        // Both Q2 returns filled in by an import on the 9th (a council going live mid-cycle), then one
        // of them corrected through PmfBot on the 16th: only that one waits for the performance lead.
        await RunDaysAsync(D(2025, 10, 1), D(2025, 10, 24), before: async day =>
        {
            if (day == D(2025, 10, 9))
            {
                await using var db = database.NewContext();
                foreach (var imported in await db.Returns.Include(r => r.Indicator).Where(r => r.Period == Q2).ToListAsync())
                {
                    imported.Import(TestCouncil.Entry(81), overwriteSubmitted: false, PmfBot.Domain.Audit.Actor.System, _clock.GetUtcNow());
                }

                await db.SaveChangesAsync();
            }

            if (day == D(2025, 10, 16))
            {
                Assert.Empty(_delivery.Of(OutboxKinds.SignOff));
                await SubmitAsync(_council.Schools.Id);
            }
        });

        var signOffs = _delivery.Of(OutboxKinds.SignOff);
        Assert.Equal(
            [("returns-in", D(2025, 10, 16)), ("due", D(2025, 10, 21))],
            signOffs.Select(c => (c.Payload<SignOffPayload>().Occasion, c.Day)));
    }

    [Fact]
    public async Task A_directorate_that_does_not_use_sign_off_gets_no_sign_off_card()
    {
        await using (var db = database.NewContext())
        {
            var directorate = await db.Directorates.SingleAsync();
            directorate.UsesSignOff = false;
            await db.SaveChangesAsync();
        }

        await RunDaysAsync(D(2025, 10, 1), D(2025, 10, 24), before: async day =>
        {
            if (day == D(2025, 10, 9))
            {
                await SubmitAllAsync();
            }
        });

        Assert.Empty(_delivery.Of(OutboxKinds.SignOff));
    }

    [Fact]
    public async Task The_self_assessment_card_reaches_whoever_answers_it_once_before_the_board_meeting()
    {
        var cycle = QuarterCycle.For(Q2, _calendar);
        Assert.Equal(D(2025, 10, 28), cycle.BoardMeeting);

        await RunDaysAsync(D(2025, 10, 1), D(2025, 10, 31));

        var asked = Assert.Single(_delivery.Of(OutboxKinds.SelfAssessment));
        Assert.Equal(_council.PerformanceLead.Id, asked.To);
        Assert.Equal(SelfAssessmentsDue.DayOf(cycle, _calendar, new NudgePolicy()), asked.Day);
        Assert.True(asked.Day < cycle.BoardMeeting);
        Assert.True(asked.Day >= cycle.Window.SignOff);
        Assert.Equal((_council.Directorate.Id, Q2.Key, cycle.BoardMeeting), (asked.Payload<SelfAssessmentPayload>().DirectorateId, asked.Payload<SelfAssessmentPayload>().QuarterKey, asked.Payload<SelfAssessmentPayload>().BoardMeeting));
        Assert.Contains(CycleMilestones.Of(cycle, _calendar, new NudgePolicy()), m => m.Day == asked.Day && m.What.Contains("self-assessment card", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_self_assessment_already_written_is_not_asked_for()
    {
        await RunDaysAsync(D(2025, 10, 1), D(2025, 10, 20));
        await _services.WithAsync<WriteSelfAssessment, SelfAssessment>(use => use.HandleAsync(
            new WriteSelfAssessment.Command(_council.PerformanceLead.Id, _council.Directorate.Id, Q2, 0, "Recruitment of social workers is behind plan.")));

        await RunDaysAsync(D(2025, 10, 21), D(2025, 10, 31));

        Assert.Empty(_delivery.Of(OutboxKinds.SelfAssessment));
    }

    /// <summary>Each day at 10:00: what people do first, then the cycle and delivery, twice (a retried job).</summary>
    private async Task RunDaysAsync(DateOnly from, DateOnly to, Func<DateOnly, Task>? before = null)
    {
        for (var day = from; day <= to; day = day.AddDays(1))
        {
            _clock.SetUtcNow(TenAm(day).AddHours(-1));
            if (before is not null)
            {
                await before(day);
            }

            _clock.SetUtcNow(TenAm(day));
            await _services.RunCycleAndDeliverAsync();
            _clock.Advance(TimeSpan.FromMinutes(15));
            await _services.WithAsync<CycleJob, CycleJob.Result>(job => job.RunForAsync(day, CancellationToken.None));
            await _services.RunCycleAndDeliverAsync();
        }
    }

    private async Task SubmitAllAsync()
    {
        await SubmitAsync(_council.Schools.Id);
        await SubmitAsync(_council.TemporaryAccommodation.Id);
    }

    private async Task SubmitAsync(Guid indicatorId)
    {
        await using var db = database.NewContext();
        var id = await db.Returns.Where(r => r.IndicatorId == indicatorId && r.Period == Q2).Select(r => r.Id).SingleAsync();
        await _services.WithAsync<SubmitReturn, IndicatorReturn>(use => use.HandleAsync(new SubmitReturn.Command(_council.Owner.Id, id, TestCouncil.Entry(82))));
    }
}
