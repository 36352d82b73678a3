using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using PmfBot.Domain.Calendar;
using PmfBot.Domain.Indicators;
using PmfBot.Domain.Priorities;
using PmfBot.Domain.RagRatings;
using PmfBot.Domain.Ratings;
using PmfBot.Domain.Returns;
using PmfBot.Domain.Status;
using PmfBot.Domain.Storage;
using PmfBot.Domain.Tests.Support;
using PmfBot.Tests.Support;

namespace PmfBot.Domain.Tests.Status;

public sealed class PriorityStatusOnSqlite() : PriorityStatusTests(new SqliteTestDatabase());

public sealed class PriorityStatusOnPostgres() : PriorityStatusTests(new PostgresTestDatabase());

/// <summary>What the status of a priority carries besides its results, and what it costs in database round trips.</summary>
public abstract class PriorityStatusTests(TestDatabase database) : DatabaseTest(database)
{
    [Fact]
    public async Task Status_names_the_plan_the_deciding_chair_and_the_other_priorities_a_shared_indicator_serves()
    {
        var health = new Priority(Guid.NewGuid(), "CPP-H2", "Reduce health inequalities", Council.Plan.Id, Council.Board.Id, Council.LeadOfficer.Id, Council.Directorate.Id);
        await using (var db = Database.NewContext())
        {
            db.Priorities.Add(health);
            var schools = await db.Indicators.Include(i => i.Priorities).SingleAsync(i => i.Id == Council.Schools.Id);
            schools.ContributesTo(health.Id);
            var priority = await db.Priorities.SingleAsync(p => p.Id == Council.Priority.Id);
            var rating = PriorityRating.AwaitProposal(priority, TestCouncil.Q2, Clock.GetUtcNow());
            rating.Propose(await db.People.SingleAsync(p => p.Id == Council.LeadOfficer.Id), Rag.Amber, "Attendance is improving but not yet on target.", Clock.GetUtcNow());
            rating.Approve(await db.People.SingleAsync(p => p.Id == Council.Chair.Id), await db.Boards.SingleAsync(b => b.Id == Council.Board.Id), Clock.GetUtcNow());
            db.Ratings.Add(rating);
            await db.SaveChangesAsync();
        }

        await using var read = Database.NewContext();
        var status = await new PriorityStatus(read, Clock).LoadAsync(Council.Priority.Id, TestCouncil.Q2);

        Assert.Equal("City Priority Plan", status.PlanName);
        Assert.Equal("Children's Trust Board", status.BoardName);
        Assert.Equal(RatingState.Approved, status.Rating?.State);
        Assert.Equal("Councillor Chair", status.PeopleNames[status.Rating!.DecidedById!.Value]);
        Assert.Equal(["CPP-H2 Reduce health inequalities"], status.SharedWith[Council.Schools.Id]);
        Assert.False(status.SharedWith.ContainsKey(Council.TemporaryAccommodation.Id));
    }

    [Fact]
    public async Task The_status_of_a_priority_takes_the_same_few_queries_however_many_indicators_it_has()
    {
        var withTwo = await CountQueriesAsync();

        await using (var db = Database.NewContext())
        {
            var calendar = ReturnCalendar.EnglandAndWales();
            for (var n = 1; n <= 30; n++)
            {
                var indicator = new Indicator(Guid.NewGuid(), $"CPP-C1-{n:00}", $"Measure {n}", "%", Polarity.HigherIsBetter, Frequency.Quarterly, Council.Owner.Id);
                indicator.SetTarget(Period.FinancialYear(2025), 50);
                indicator.ContributesTo(Council.Priority.Id);
                db.Indicators.Add(indicator);
                db.Returns.Add(IndicatorReturn.Open(indicator, TestCouncil.Q2, calendar.WindowFor(TestCouncil.Q2).Due, Clock.GetUtcNow()));
            }

            await db.SaveChangesAsync();
        }

        var withThirtyTwo = await CountQueriesAsync();

        Assert.Equal(withTwo, withThirtyTwo);
        Assert.True(withThirtyTwo <= 7, $"{withThirtyTwo} queries");
    }

    private async Task<int> CountQueriesAsync()
    {
        var counter = new CommandCounter();
        var options = DatabaseSetup.UseStore(new DbContextOptionsBuilder<PmfDbContext>(), Database.Options).AddInterceptors(counter).Options;
        await using var db = new PmfDbContext(options);
        var status = await new PriorityStatus(db, Clock).LoadAsync(Council.Priority.Id, TestCouncil.Q2);
        Assert.NotEmpty(status.Indicators);
        return counter.Commands;
    }

    private sealed class CommandCounter : DbCommandInterceptor
    {
        public int Commands { get; private set; }

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            Commands++;
            return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
        }
    }
}
