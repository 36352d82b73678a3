using PmfBot.Domain.Boards;
using PmfBot.Domain.People;
using PmfBot.Domain.Priorities;
using PmfBot.Domain.RagRatings;
using PmfBot.Domain.Ratings;
using PmfBot.Tests.Support;

namespace PmfBot.Bot.Tests.Tabs.Support;

/// <summary>
/// A council that imported its own data (no demo): <see cref="TestCouncil"/>'s Children's Trust Board, plus a
/// second board with its own chair, lead officer and priority, and a scrutiny board. Each board has a proposal
/// awaiting its chair for Q2 2025/26, with words that must never reach the other board.
/// </summary>
public sealed class TabsCouncil
{
    public const string ChildrenProposal = "Attendance is up but persistent absence is not: amber until the spring figures.";
    public const string HealthProposal = "Confidential to the health board: smoking quits fell short, red until the new service starts.";

    public TestCouncil Own { get; } = new();

    public Person HealthChair { get; } = new(Guid.NewGuid(), "Councillor Hale", "hale@council.test");

    public Person HealthLead { get; } = new(Guid.NewGuid(), "Hetty Lead", "hetty.lead@council.test");

    public Person ScrutinyChair { get; } = new(Guid.NewGuid(), "Councillor Scrutton", "scrutton@council.test");

    /// <summary>In the data list, never linked to Teams: found by user name.</summary>
    public Person NeverSeen { get; } = new(Guid.NewGuid(), "Nadia Newcomer", "nadia.newcomer@council.test");

    public Board HealthBoard { get; }

    public Priority HealthPriority { get; }

    public Board ScrutinyBoard { get; }

    public PriorityRating ChildrenRating { get; }

    public PriorityRating HealthRating { get; }

    public TabsCouncil()
    {
        HealthBoard = new Board(Guid.NewGuid(), "Health and Wellbeing Board", BoardKind.StrategicPartnership, HealthChair);
        HealthPriority = new Priority(Guid.NewGuid(), "CPP-H1", "Reduce smoking", Own.Plan.Id, HealthBoard.Id, HealthLead.Id, Own.Directorate.Id);
        ScrutinyBoard = new Board(Guid.NewGuid(), "Scrutiny Board (Children and Families)", BoardKind.Scrutiny, ScrutinyChair);
        var now = TabsSite.Today;
        ChildrenRating = PriorityRating.AwaitProposal(Own.Priority, TestCouncil.Q2, now);
        ChildrenRating.Propose(Own.LeadOfficer, Rag.Amber, ChildrenProposal, now);
        HealthRating = PriorityRating.AwaitProposal(HealthPriority, TestCouncil.Q2, now);
        HealthRating.Propose(HealthLead, Rag.Red, HealthProposal, now);
        foreach (var person in Own.People.Append(HealthChair).Append(HealthLead).Append(ScrutinyChair))
        {
            person.LinkEntraObjectId(ObjectIdOf(person));
        }
    }

    /// <summary>The Entra object id Teams gives each person: fixed per person for the test.</summary>
    public static string ObjectIdOf(Person person) => person.Id.ToString();

    public async Task SaveAsync(TestDatabase database)
    {
        await Own.SaveAsync(database, TabsSite.Today);
        await using var db = database.NewContext();
        db.People.AddRange(HealthChair, HealthLead, ScrutinyChair, NeverSeen);
        db.Boards.AddRange(HealthBoard, ScrutinyBoard);
        db.Priorities.Add(HealthPriority);
        await db.SaveChangesAsync();
        db.Attach(Own.Priority);
        db.Ratings.AddRange(ChildrenRating, HealthRating);
        await db.SaveChangesAsync();
    }
}
