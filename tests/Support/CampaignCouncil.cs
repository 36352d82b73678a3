using PmfBot.Domain.Boards;
using PmfBot.Domain.Calendar;
using PmfBot.Domain.Directorates;
using PmfBot.Domain.Indicators;
using PmfBot.Domain.People;
using PmfBot.Domain.Plans;
using PmfBot.Domain.Priorities;
using PmfBot.Tests.Support;

namespace PmfBot.Tests.Support;

/// <summary>
/// A council built for a campaign: one board, one priority, and <c>owners</c> people who each own
/// one quarterly indicator (so each gets one "returns open" card). Q3 2025/26 returns open on
/// Friday 2 January 2026.
/// </summary>
public sealed class CampaignCouncil
{
    public static readonly DateOnly Q3Opens = new(2026, 1, 2);

    private CampaignCouncil(IReadOnlyList<Person> owners, Person manager, Person performanceLead, Person performanceOfficer, Person outsider)
    {
        Owners = owners;
        Manager = manager;
        PerformanceLead = performanceLead;
        PerformanceOfficer = performanceOfficer;
        Outsider = outsider;
    }

    public IReadOnlyList<Person> Owners { get; }

    public Person Manager { get; }

    public Person PerformanceLead { get; }

    /// <summary>A member of the performance team (may pause, preview and trigger the cycle).</summary>
    public Person PerformanceOfficer { get; }

    /// <summary>Someone who is not in the performance team.</summary>
    public Person Outsider { get; }

    public static async Task<CampaignCouncil> SeedAsync(TestDatabase database, int owners, bool ownersHaveManagers = true)
    {
        var manager = new Person(Guid.NewGuid(), "Morgan Manager", "morgan.manager@campaign.test");
        var lead = new Person(Guid.NewGuid(), "Pip Lead", "pip.lead@campaign.test");
        var officer = new Person(Guid.NewGuid(), "Alex Performance", "alex.performance@campaign.test") { IsPerformanceTeam = true };
        var outsider = new Person(Guid.NewGuid(), "Olly Outsider", "olly.outsider@campaign.test");
        var chair = new Person(Guid.NewGuid(), "Cllr Chair", "chair@campaign.test");
        var directorate = new Directorate(Guid.NewGuid(), "Resources", "RES") { PerformanceLeadId = lead.Id };
        var plan = new Plan(Guid.NewGuid(), "Council Business Plan", PlanKind.CouncilBusinessPlan, 2025, 2028);
        var board = new Board(Guid.NewGuid(), "Best Council Board", BoardKind.BestCouncil, chair);
        var priority = new Priority(Guid.NewGuid(), "BC1", "Answer residents quickly", plan.Id, board.Id, lead.Id, directorate.Id);
        var people = Enumerable.Range(1, owners)
            .Select(i => new Person(Guid.NewGuid(), $"Owner {i:0000}", $"owner{i:0000}@campaign.test") { DirectorateId = directorate.Id })
            .ToList();
        var indicators = people.Select((owner, i) =>
        {
            var indicator = new Indicator(Guid.NewGuid(), $"BC1-{i + 1:0000}", $"Measure {i + 1}", "%", Polarity.HigherIsBetter, Frequency.Quarterly, owner.Id)
            {
                DirectorateId = directorate.Id,
            };
            indicator.SetTarget(Period.FinancialYear(2025), 80);
            indicator.ContributesTo(priority.Id);
            if (ownersHaveManagers)
            {
                owner.ReportsTo(manager);
            }

            return indicator;
        }).ToList();

        await using var db = database.NewContext();
        db.People.AddRange([manager, lead, officer, outsider, chair, .. people]);
        db.Directorates.Add(directorate);
        db.Plans.Add(plan);
        db.Boards.Add(board);
        db.Priorities.Add(priority);
        db.Indicators.AddRange(indicators);
        await db.SaveChangesAsync();
        return new CampaignCouncil(people, manager, lead, officer, outsider);
    }
}
