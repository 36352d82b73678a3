using PmfBot.Domain.Audit;
using PmfBot.Domain.BoardActions;
using PmfBot.Domain.Calendar;
using PmfBot.Domain.Nudges;
using PmfBot.Domain.Tests.Support;
using PmfBot.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace PmfBot.Domain.Tests.BoardActions;

public sealed class ActionsDueOnSqlite() : ActionsDueTests(new SqliteTestDatabase());

public sealed class ActionsDueOnPostgres() : ActionsDueTests(new PostgresTestDatabase());

public abstract class ActionsDueTests(TestDatabase database) : DatabaseTest(database)
{
    [Fact]
    public async Task Actions_are_chased_like_returns_one_message_per_owner_a_day()
    {
        // Due Friday 31 October: reminders Friday 24 and Thursday 30 October, overdue Monday 3 November.
        await RequestAsync("Report on attendance in the two wards", new DateOnly(2025, 10, 31));
        await RequestAsync("Agree a plan with the schools", new DateOnly(2025, 10, 31));

        var due = await BetweenAsync(new DateOnly(2025, 10, 1), new DateOnly(2025, 11, 30));

        Assert.Equal(
            [(ActionsDue.ActionNudgeKind.Reminder, new DateOnly(2025, 10, 24), 2), (ActionsDue.ActionNudgeKind.Reminder, new DateOnly(2025, 10, 30), 2), (ActionsDue.ActionNudgeKind.Overdue, new DateOnly(2025, 11, 3), 2)],
            due.Select(n => (n.Kind, n.Day, n.ActionIds.Count)));
        Assert.All(due, n => Assert.Equal(Council.Owner.Id, n.OwnerId));
        Assert.Equal($"action.Overdue:{Council.Owner.Id:N}:2025-11-03", due[^1].Key);
    }

    [Fact]
    public async Task A_completed_action_is_not_chased()
    {
        var action = await RequestAsync("Report on attendance in the two wards", new DateOnly(2025, 10, 31));
        await using (var db = Database.NewContext())
        {
            var tracked = await db.BoardActions.Include(a => a.Progress).SingleAsync(a => a.Id == action.Id);
            tracked.RecordProgress(await db.People.SingleAsync(p => p.Id == Council.Owner.Id), TestCouncil.Q2, ActionStatus.Complete, "Done and reported.", Clock.GetUtcNow());
            await db.SaveChangesAsync();
        }

        Assert.Empty(await BetweenAsync(new DateOnly(2025, 10, 1), new DateOnly(2025, 11, 30)));
    }

    [Fact]
    public async Task Only_the_days_in_the_span_are_due()
    {
        await RequestAsync("Report on attendance in the two wards", new DateOnly(2025, 10, 31));

        var due = await BetweenAsync(new DateOnly(2025, 10, 24), new DateOnly(2025, 10, 30));

        Assert.Equal([new DateOnly(2025, 10, 30)], due.Select(n => n.Day));
    }

    private async Task<BoardAction> RequestAsync(string title, DateOnly due)
    {
        await using var db = Database.NewContext();
        var action = BoardAction.Request(Council.Board.Id, Council.Priority.Id, title, Council.Owner.Id, due, TestCouncil.Q2, Actor.System, Clock.GetUtcNow());
        db.BoardActions.Add(action);
        await db.SaveChangesAsync();
        return action;
    }

    private async Task<IReadOnlyList<ActionsDue.ActionNudge>> BetweenAsync(DateOnly after, DateOnly upTo)
    {
        await using var db = Database.NewContext();
        return await new ActionsDue(db, ReturnCalendar.EnglandAndWales(), new NudgePolicy()).BetweenAsync(after, upTo);
    }
}
