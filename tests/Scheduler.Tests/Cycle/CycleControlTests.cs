using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using PmfBot.Domain;
using PmfBot.Domain.Outbox;
using PmfBot.Scheduler.Cycle;
using PmfBot.Scheduler.Graph;
using PmfBot.Scheduler.Jobs;
using PmfBot.Scheduler.Tests.Support;
using PmfBot.Tests.Support;
using static PmfBot.Scheduler.Tests.Support.Days;

namespace PmfBot.Scheduler.Tests.Cycle;

public sealed class CycleControlOnSqlite() : CycleControlTests(new SqliteTestDatabase());

public sealed class CycleControlOnPostgres() : CycleControlTests(new PostgresTestDatabase());

/// <summary>The performance team's preview, pause, resume; escalation through the directory; quiet hours.</summary>
public abstract class CycleControlTests(TestDatabase database) : IAsyncLifetime
{
    private readonly FakeTimeProvider _clock = new(TenAm(CampaignCouncil.Q3Opens));
    private readonly FakeDirectory _directory = new();
    private RecordingDelivery _delivery = null!;
    private CampaignCouncil _council = null!;
    private ServiceProvider _services = null!;

    public async Task InitializeAsync()
    {
        await database.InitializeAsync();
        _council = await CampaignCouncil.SeedAsync(database, owners: 4, ownersHaveManagers: false);
        _delivery = new RecordingDelivery(_clock);
        _services = SchedulerServices.Build(database, _clock, _delivery, also: s => s.AddSingleton<IDirectory>(_directory));
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        await database.DisposeAsync();
    }

    [Fact]
    public async Task A_preview_shows_who_gets_what_today_and_writes_nothing()
    {
        var preview = await PreviewAsync();

        var opening = Assert.Single(preview.Openings);
        Assert.Equal(("2025-26-Q3", 4), (opening.PeriodKey, opening.Returns));
        Assert.Equal(_council.Owners.Select(o => o.Name).Order(), preview.Lines.Select(l => l.Recipient));
        Assert.All(preview.Lines, l => Assert.Equal((OutboxKinds.ReturnsOpen, (OutboxState?)null, 1), (l.Kind, l.Queued, ((NudgePayload)l.Payload).IndicatorsToOpen)));
        await using (var db = database.NewContext())
        {
            Assert.Equal((0, 0), (await db.Returns.CountAsync(), await db.Outbox.CountAsync()));
        }

        await _services.RunCycleAndDeliverAsync();
        var after = await PreviewAsync();

        Assert.Empty(after.Openings);
        Assert.Empty(after.New);
        Assert.Equal(preview.Lines.Select(l => l.Key), after.Lines.Select(l => l.Key));
        Assert.All(after.Lines, l => Assert.Equal(OutboxState.Sent, l.Queued));
    }

    [Fact]
    public async Task Only_the_performance_team_may_preview_pause_resume_or_trigger_the_cycle()
    {
        var outsider = _council.Outsider.Id;

        await Assert.ThrowsAsync<PmfRuleException>(() => _services.WithAsync<CyclePreview, CyclePreview.Preview>(p => p.ForAsync(outsider)));
        await Assert.ThrowsAsync<PmfRuleException>(() => _services.WithAsync<CycleControl, CycleControl.Status>(c => c.PauseAsync(outsider)));
        await Assert.ThrowsAsync<PmfRuleException>(() => _services.WithAsync<CycleControl, CycleControl.Status>(c => c.ResumeAsync(outsider)));
        await Assert.ThrowsAsync<PmfRuleException>(() => _services.WithAsync<CycleControl, string>(c => c.TriggerAsync(outsider)));
    }

    [Fact]
    public async Task A_paused_cycle_queues_and_sends_nothing_on_any_server_until_resumed_then_catches_up()
    {
        var status = await _services.WithAsync<CycleControl, CycleControl.Status>(c => c.PauseAsync(_council.PerformanceOfficer.Id));
        Assert.Equal((true, _council.PerformanceOfficer.Name), (status.IsPaused, status.PausedBy));

        // Another server (another service provider on the same database) sees the pause.
        await using var other = SchedulerServices.Build(database, _clock, _delivery);
        for (var day = CampaignCouncil.Q3Opens; day <= D(2026, 1, 8); day = day.AddDays(1))
        {
            _clock.SetUtcNow(TenAm(day));
            var (cycle, delivery) = await other.RunCycleAndDeliverAsync();
            Assert.True(cycle.Outcome is CycleJob.Outcome.Paused or CycleJob.Outcome.QuietHours);
            Assert.True(delivery.Paused || cycle.Outcome == CycleJob.Outcome.QuietHours);
        }

        Assert.Empty(_delivery.Calls);
        await Assert.ThrowsAsync<PmfRuleException>(() => _services.WithAsync<CycleControl, string>(c => c.TriggerAsync(_council.PerformanceOfficer.Id)));

        await _services.WithAsync<CycleControl, CycleControl.Status>(c => c.ResumeAsync(_council.PerformanceOfficer.Id));
        await other.RunCycleAndDeliverAsync();

        // Caught up: the returns-open card of 2 January and the reminder of 8 January, each once.
        Assert.Equal(
            [(OutboxKinds.ReturnsOpen, CampaignCouncil.Q3Opens, 4), (OutboxKinds.Reminder, D(2026, 1, 8), 4)],
            _delivery.Calls.GroupBy(c => (c.Kind, c.Payload<NudgePayload>().Day)).Select(g => (g.Key.Kind, g.Key.Day, g.Count())).OrderBy(x => x.Day));
    }

    [Fact]
    public async Task Resuming_without_catching_up_opens_the_returns_but_skips_the_missed_messages()
    {
        await _services.WithAsync<CycleControl, CycleControl.Status>(c => c.PauseAsync(_council.PerformanceOfficer.Id));
        _clock.SetUtcNow(TenAm(D(2026, 1, 8)));

        await _services.WithAsync<CycleControl, CycleControl.Status>(c => c.ResumeAsync(_council.PerformanceOfficer.Id, catchUp: false));
        var (cycle, _) = await _services.RunCycleAndDeliverAsync();

        Assert.Equal(4, cycle.ReturnsOpened);
        Assert.Equal([(OutboxKinds.Reminder, D(2026, 1, 8))], _delivery.Calls.Select(c => (c.Kind, c.Day)).Distinct());
    }

    [Fact]
    public async Task The_cycle_queues_nothing_out_of_hours_or_on_a_bank_holiday()
    {
        _clock.SetUtcNow(UkTimeAt(D(2026, 1, 5), 7, 59));
        var early = await _services.WithAsync<CycleJob, CycleJob.Result>(j => j.RunAsync(CancellationToken.None));
        _clock.SetUtcNow(UkTimeAt(D(2026, 1, 5), 18, 0));
        var late = await _services.WithAsync<CycleJob, CycleJob.Result>(j => j.RunAsync(CancellationToken.None));
        _clock.SetUtcNow(UkTimeAt(D(2026, 4, 3), 10, 0));
        var goodFriday = await _services.WithAsync<CycleJob, CycleJob.Result>(j => j.RunAsync(CancellationToken.None));

        Assert.All([early, late, goodFriday], r => Assert.Equal(CycleJob.Outcome.QuietHours, r.Outcome));
        await using var db = database.NewContext();
        Assert.Equal(0, await db.Outbox.CountAsync());
    }

    [Fact]
    public async Task An_escalation_for_an_owner_with_no_manager_stored_finds_the_manager_in_the_directory()
    {
        await using (var db = database.NewContext())
        {
            var owners = await db.People.Where(p => p.Email.StartsWith("owner")).ToListAsync();
            foreach (var owner in owners)
            {
                owner.LinkEntraObjectId($"00000000-0000-0000-0000-{owners.IndexOf(owner):000000000000}");
                _directory.Managers[owner.EntraObjectId!] = new DirectoryPerson("00000000-0000-0000-0000-00000000beef", "Morgan Manager", _council.Manager.Email);
            }

            await db.SaveChangesAsync();
        }

        await _services.RunCycleAndDeliverAsync();
        _clock.SetUtcNow(TenAm(D(2026, 1, 20)));
        await _services.RunCycleAndDeliverAsync();

        var escalations = _delivery.Of(OutboxKinds.Escalation);
        Assert.Equal(
            _council.Owners.Select(o => (o.Id, "manager", _council.Manager.Id)).Concat(_council.Owners.Select(o => (o.Id, "performance-lead", _council.PerformanceLead.Id))).Order(),
            escalations.Select(c => (c.Payload<NudgePayload>().OwnerId, c.Payload<NudgePayload>().RecipientRole, c.To!.Value)).Order());
        await using var check = database.NewContext();
        Assert.All(await check.People.AsNoTracking().Where(p => p.Email.StartsWith("owner")).ToListAsync(), p => Assert.Equal(_council.Manager.Id, p.ManagerId));
        Assert.Equal("00000000-0000-0000-0000-00000000beef", (await check.People.AsNoTracking().SingleAsync(p => p.Id == _council.Manager.Id)).EntraObjectId);
    }

    private Task<CyclePreview.Preview> PreviewAsync() =>
        _services.WithAsync<CyclePreview, CyclePreview.Preview>(p => p.ForAsync(_council.PerformanceOfficer.Id));

    private static DateTimeOffset UkTimeAt(DateOnly day, int hour, int minute) =>
        Domain.Calendar.UkTime.StartOf(day).AddHours(hour).AddMinutes(minute);
}
