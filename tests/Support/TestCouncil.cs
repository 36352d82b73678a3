using PmfBot.Domain.Boards;
using PmfBot.Domain.Calendar;
using PmfBot.Domain.Directorates;
using PmfBot.Domain.Indicators;
using PmfBot.Domain.People;
using PmfBot.Domain.Plans;
using PmfBot.Domain.Priorities;
using PmfBot.Domain.Returns;
using PmfBot.Domain.Storage;

namespace PmfBot.Tests.Support;

/// <summary>
/// A small council for tests: one directorate with a performance lead, one partnership board
/// with a chair, one priority with a lead officer, and two quarterly indicators (one higher is
/// better with a collator, one lower is better), targets for 2025/26, returns open for Q2.
/// </summary>
public sealed class TestCouncil
{
    public static readonly Period Q2 = Period.Quarter(2025, 2);

    public Person Owner { get; } = new(Guid.NewGuid(), "Olivia Owner", "olivia.owner@council.test");

    public Person Collator { get; } = new(Guid.NewGuid(), "Colin Collator", "colin.collator@council.test");

    public Person Manager { get; } = new(Guid.NewGuid(), "Mandy Manager", "mandy.manager@council.test");

    public Person PerformanceLead { get; } = new(Guid.NewGuid(), "Pat Lead", "pat.lead@council.test");

    public Person Chair { get; } = new(Guid.NewGuid(), "Councillor Chair", "chair@council.test");

    public Person LeadOfficer { get; } = new(Guid.NewGuid(), "Lee Officer", "lee.officer@council.test");

    public Person ScrutinyMember { get; } = new(Guid.NewGuid(), "Sam Scrutiny", "sam.scrutiny@council.test");

    public Directorate Directorate { get; }

    public Plan Plan { get; }

    public Board Board { get; }

    public Priority Priority { get; }

    /// <summary>Higher is better, target 80 (%), tolerance 5%.</summary>
    public Indicator Schools { get; }

    /// <summary>Lower is better, target 100 (households), tolerance 10 absolute.</summary>
    public Indicator TemporaryAccommodation { get; }

    public TestCouncil()
    {
        Directorate = new Directorate(Guid.NewGuid(), "Children and Families", "CF") { PerformanceLeadId = PerformanceLead.Id, UsesSignOff = true };
        Owner.ReportsTo(Manager);
        Owner.DirectorateId = Directorate.Id;
        Plan = new Plan(Guid.NewGuid(), "City Priority Plan", PlanKind.CityPriorityPlan, 2025, 2028);
        Board = new Board(Guid.NewGuid(), "Children's Trust Board", BoardKind.StrategicPartnership, Chair);
        Board.AddMember(ScrutinyMember);
        Priority = new Priority(Guid.NewGuid(), "CPP-C1", "Improve school attendance", Plan.Id, Board.Id, LeadOfficer.Id, Directorate.Id);

        Schools = new Indicator(Guid.NewGuid(), "CPP-C1a", "Percentage of children in good or outstanding schools", "%", Polarity.HigherIsBetter, Frequency.Quarterly, Owner.Id)
        {
            DirectorateId = Directorate.Id,
        };
        Schools.SetTolerance(Tolerance.Percent(5));
        Schools.SetTarget(Period.FinancialYear(2025), 80);
        Schools.AddCollator(Collator.Id);
        Schools.ContributesTo(Priority.Id);

        TemporaryAccommodation = new Indicator(Guid.NewGuid(), "CPP-C1b", "Households in temporary accommodation", "households", Polarity.LowerIsBetter, Frequency.Quarterly, Owner.Id)
        {
            DirectorateId = Directorate.Id,
        };
        TemporaryAccommodation.SetTolerance(Tolerance.Absolute(10));
        TemporaryAccommodation.SetTarget(Period.FinancialYear(2025), 100);
        TemporaryAccommodation.ContributesTo(Priority.Id);
    }

    public IEnumerable<Person> People => [Owner, Collator, Manager, PerformanceLead, Chair, LeadOfficer, ScrutinyMember];

    /// <summary>Saves the council and opens its returns for <paramref name="periods"/> (Q2 2025/26 when none given).</summary>
    public async Task<TestCouncil> SaveAsync(TestDatabase database, DateTimeOffset now, params Period[] periods)
    {
        await using var db = database.NewContext();
        db.People.AddRange(People);
        db.Directorates.Add(Directorate);
        db.Plans.Add(Plan);
        db.Boards.Add(Board);
        db.Priorities.Add(Priority);
        db.Indicators.AddRange(Schools, TemporaryAccommodation);
        await db.SaveChangesAsync();

        var calendar = ReturnCalendar.EnglandAndWales();
        foreach (var period in periods.Length == 0 ? [Q2] : periods)
        {
            var due = calendar.WindowFor(period).Due;
            db.Returns.AddRange(IndicatorReturn.Open(Schools, period, due, now), IndicatorReturn.Open(TemporaryAccommodation, period, due, now));
        }

        await db.SaveChangesAsync();
        return this;
    }

    public static ReturnEntry Entry(decimal? value, string commentary = "Attendance rose after the summer campaign reached every family.") =>
        new(value, null, null, null, commentary, "Summer campaign", "Autumn follow-up visits");
}
