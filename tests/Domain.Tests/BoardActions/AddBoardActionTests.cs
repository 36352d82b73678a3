using Microsoft.EntityFrameworkCore;
using PmfBot.Domain.BoardActions;
using PmfBot.Domain.Boards;
using PmfBot.Domain.People;
using PmfBot.Domain.Priorities;
using PmfBot.Domain.Tests.Support;
using PmfBot.Tests.Support;

namespace PmfBot.Domain.Tests.BoardActions;

public sealed class AddBoardActionOnSqlite() : AddBoardActionTests(new SqliteTestDatabase());

public sealed class AddBoardActionOnPostgres() : AddBoardActionTests(new PostgresTestDatabase());

/// <summary>A board agrees an action: who may add it, what it must say, and the owner told in the same save.</summary>
public abstract class AddBoardActionTests(TestDatabase database) : DatabaseTest(database)
{
    private static readonly DateOnly January30 = new(2026, 1, 30);

    [Fact]
    public async Task The_chair_adds_an_action_it_is_audited_and_its_owner_is_told_through_the_outbox()
    {
        var action = await HandleAsync(Command(Council.Chair.Id) with { OwnerId = Council.Owner.Id, PriorityId = Council.Priority.Id });

        await using var db = Database.NewContext();
        var saved = await db.BoardActions.SingleAsync(a => a.Id == action.Id);
        Assert.Equal(("Report attendance in the two wards", Council.Owner.Id, January30, TestCouncil.Q2, Council.Priority.Id), (saved.Title, saved.OwnerId, saved.DueDate, saved.RequestedIn, saved.PriorityId));
        Assert.Equal(Council.Chair.Name, (await db.AuditLog.SingleAsync(a => a.EntityId == action.Id)).ActorName);
        var told = await db.Outbox.SingleAsync();
        Assert.Equal((AddBoardAction.OutboxKind, Council.Owner.Id, $"action.Agreed:{action.Id:N}"), (told.Kind, told.PersonId, told.Key));
        Assert.Contains(action.Id.ToString(), told.Payload, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_performance_team_member_adds_one_for_an_owner_typed_by_email()
    {
        var officer = new Person(Guid.NewGuid(), "Priya Performance", "priya.performance@council.test") { IsPerformanceTeam = true };
        await using (var db = Database.NewContext())
        {
            db.People.Add(officer);
            await db.SaveChangesAsync();
        }

        var action = await HandleAsync(Command(officer.Id) with { OwnerEmail = "  Colin.Collator@Council.test " });

        Assert.Equal(Council.Collator.Id, action.OwnerId);
    }

    [Fact]
    public async Task From_the_card_every_field_problem_comes_back_at_once_and_nothing_is_saved()
    {
        var outcome = await AddAsync(Council.Chair.Id, Command(Council.Chair.Id) with { Title = " ", DueDate = null });

        var invalid = Assert.IsType<CardOutcome<AddBoardAction.Added>.InvalidFields>(outcome);
        Assert.Equal(["title", "owner", "dueDate"], invalid.Errors.Keys);
        await using var db = Database.NewContext();
        Assert.False(await db.BoardActions.AnyAsync());
    }

    [Fact]
    public async Task From_the_card_someone_not_allowed_is_refused_with_the_reason()
    {
        var outcome = await AddAsync(Council.ScrutinyMember.Id, Command(Council.ScrutinyMember.Id) with { OwnerId = Council.Owner.Id });

        Assert.Contains("chair or the performance team", Assert.IsType<CardOutcome<AddBoardAction.Added>.Refused>(outcome).Reason);
    }

    [Fact]
    public async Task From_the_card_the_added_action_comes_back_with_its_owner()
    {
        var outcome = await AddAsync(Council.Chair.Id, Command(Council.Chair.Id) with { OwnerId = Council.Owner.Id });

        var saved = Assert.IsType<CardOutcome<AddBoardAction.Added>.Saved>(outcome);
        Assert.Equal(Council.Owner.Name, saved.Value.Owner.Name);
        await using var db = Database.NewContext();
        Assert.Equal(saved.Value.Action.Id, (await db.BoardActions.SingleAsync()).Id);
    }

    [Fact]
    public async Task Anyone_else_is_refused_and_nothing_is_saved()
    {
        var refused = await Assert.ThrowsAsync<PmfRuleException>(() => CheckAsync(Command(Council.ScrutinyMember.Id) with { OwnerId = Council.Owner.Id }));

        Assert.Equal("Only Children's Trust Board's chair or the performance team can add its actions.", refused.Message);
        Assert.Null(refused.Field);
        await using var db = Database.NewContext();
        Assert.Equal((0, 0), (await db.BoardActions.CountAsync(), await db.Outbox.CountAsync()));
    }

    [Fact]
    public async Task Every_bad_field_is_named_at_once_and_nothing_is_saved()
    {
        var otherBoard = new Board(Guid.NewGuid(), "Best Council Board", BoardKind.BestCouncil, Council.LeadOfficer);
        var elsewhere = new Priority(Guid.NewGuid(), "CBP-1", "Balance the budget", Council.Plan.Id, otherBoard.Id, Council.LeadOfficer.Id, Council.Directorate.Id);
        await using (var db = Database.NewContext())
        {
            db.Boards.Add(otherBoard);
            db.Priorities.Add(elsewhere);
            await db.SaveChangesAsync();
        }

        var problems = await CheckAsync(Command(Council.Chair.Id) with
        {
            Title = "Report <b>attendance</b>",
            OwnerEmail = "nobody@council.test",
            DueDate = new DateOnly(2025, 10, 3),
            PriorityId = elsewhere.Id,
        });

        Assert.Equal(["title", "owner", "dueDate", "priorityId"], problems.Select(p => p.Field));
        Assert.Contains("PmfBot does not know anyone with the email nobody@council.test", problems[1].Message);
        Assert.Equal("That date has passed: choose today or a later date.", problems[2].Message);
        await Assert.ThrowsAsync<PmfRuleException>(() => HandleAsync(Command(Council.Chair.Id)));
        await using var read = Database.NewContext();
        Assert.Equal(0, await read.BoardActions.CountAsync());
    }

    [Theory]
    [InlineData("", "", "title", "Say what is to be done.")]
    [InlineData("Report attendance", "not-an-email", "owner", "\"not-an-email\" is not an email address.")]
    public async Task A_missing_title_or_a_bad_email_is_answered_beside_its_field(string title, string email, string field, string message)
    {
        var problems = await CheckAsync(Command(Council.Chair.Id) with { Title = title, OwnerEmail = email, OwnerId = email.Length == 0 ? Council.Owner.Id : null });

        var problem = Assert.Single(problems);
        Assert.Equal((field, message), (problem.Field, problem.Message));
    }

    private AddBoardAction.Command Command(Guid actorId) =>
        new(actorId, Council.Board.Id, TestCouncil.Q2, "Report attendance in the two wards", null, "", January30, null);

    private async Task<BoardAction> HandleAsync(AddBoardAction.Command command)
    {
        await using var db = Database.NewContext();
        return await new AddBoardAction(db, Clock).HandleAsync(command);
    }

    private async Task<CardOutcome<AddBoardAction.Added>> AddAsync(Guid actorId, AddBoardAction.Command command)
    {
        await using var db = Database.NewContext();
        var actor = await db.People.SingleAsync(p => p.Id == actorId);
        return await new AddBoardAction(db, Clock).AddAsync(actor, command);
    }

    private async Task<IReadOnlyList<PmfRuleException>> CheckAsync(AddBoardAction.Command command)
    {
        await using var db = Database.NewContext();
        return await new AddBoardAction(db, Clock).CheckAsync(command);
    }
}
