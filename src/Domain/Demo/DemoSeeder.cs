using System.Globalization;
using PmfBot.Domain.Boards;
using PmfBot.Domain.Calendar;
using PmfBot.Domain.Directorates;
using PmfBot.Domain.Indicators;
using PmfBot.Domain.People;
using PmfBot.Domain.Plans;
using PmfBot.Domain.Priorities;
using PmfBot.Domain.RagRatings;
using PmfBot.Domain.Results;
using PmfBot.Domain.Returns;
using PmfBot.Domain.Storage;

namespace PmfBot.Domain.Demo;

/// <summary>
/// Builds the demo council in a fixed order from one seeded random generator: the structure
/// first, then two financial years of returns, then ratings, actions, risks and self
/// assessments (<see cref="DemoGovernance"/>).
/// </summary>
internal sealed partial class DemoSeeder(PmfDbContext db, ReturnCalendar calendar, DateOnly today)
{
    private readonly Random _random = new(DemoCouncil.RandomSeed);
    private readonly Dictionary<string, Person> _people = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Directorate> _directorates = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Board> _boards = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Priority> _priorities = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Indicator> _indicators = new(StringComparer.Ordinal);
    private readonly List<IndicatorReturn> _returns = [];

    private Period Current { get; } = DemoCouncil.CurrentQuarter(today, calendar);

    /// <summary>The financial year of the current quarter; the demo covers it and the year before.</summary>
    private int Year => Current.Year;

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        AddPeople();
        AddDirectorates();
        AddPlansBoardsAndPriorities();
        AddIndicators();
        await db.SaveChangesAsync(cancellationToken);

        foreach (var spec in DemoIndicators.All)
        {
            AddReturns(spec);
        }

        db.Returns.AddRange(_returns);
        await db.SaveChangesAsync(cancellationToken);

        AddRatings();
        AddBoardActions();
        AddRisks();
        AddSelfAssessments();
        await db.SaveChangesAsync(cancellationToken);
    }

    private Person P(string name) => _people[DemoCast.E(name)];

    private void AddPeople()
    {
        foreach (var demo in DemoCast.Everyone)
        {
            var person = new Person(demo.Id, demo.Name, demo.Email) { JobTitle = demo.JobTitle, IsPerformanceTeam = demo.PerformanceTeam };
            person.LinkEntraObjectId(demo.EntraObjectId);
            _people[demo.Email] = person;
        }

        foreach (var demo in DemoCast.Everyone.Where(d => d.ManagerEmail is not null))
        {
            _people[demo.Email].ReportsTo(_people[demo.ManagerEmail!]);
        }

        db.People.AddRange(_people.Values);
    }

    private void AddDirectorates()
    {
        foreach (var d in DemoStructure.Directorates)
        {
            var directorate = new Directorate(DemoIds.For("directorate:" + d.Code), d.Name, d.Code)
            {
                DirectorId = P(d.DirectorName).Id,
                PerformanceLeadId = P(d.PerformanceLeadName).Id,
                UsesSignOff = d.UsesSignOff,
            };
            _directorates[d.Code] = directorate;
        }

        foreach (var demo in DemoCast.Everyone.Where(d => d.DirectorateCode is not null))
        {
            _people[demo.Email].DirectorateId = _directorates[demo.DirectorateCode!].Id;
        }

        db.Directorates.AddRange(_directorates.Values);
    }

    private void AddPlansBoardsAndPriorities()
    {
        var plans = new Dictionary<PlanKind, Plan>
        {
            [PlanKind.CityPriorityPlan] = new(DemoIds.For("plan:cpp"), $"{DemoStructure.CityPlan} {Year - 1} to {Year + 3}", PlanKind.CityPriorityPlan, Year - 1, Year + 3),
            [PlanKind.CouncilBusinessPlan] = new(DemoIds.For("plan:cbp"), $"{DemoStructure.BusinessPlan} {Year - 1} to {Year + 2}", PlanKind.CouncilBusinessPlan, Year - 1, Year + 2),
        };
        db.Plans.AddRange(plans.Values);

        foreach (var b in DemoStructure.Boards)
        {
            var board = new Board(DemoIds.For("board:" + b.Key), b.Name, b.Kind, P(b.ChairName));
            foreach (var member in b.MemberNames)
            {
                board.AddMember(P(member));
            }

            board.PostTo(new TeamsChannel(DemoStructure.TeamId, $"19:demo-{b.Key.ToLowerInvariant()}@thread.tacv2", b.Name));
            _boards[b.Key] = board;
        }

        // Everyone on a scrutiny board or the audit committee sees every board's summary.
        db.Boards.AddRange(_boards.Values);

        foreach (var p in DemoStructure.Priorities)
        {
            var lead = P(p.LeadName);
            var priority = new Priority(DemoIds.For("priority:" + p.Code), p.Code, p.Title, plans[p.Plan].Id, _boards[p.BoardKey].Id, lead.Id, _directorates[p.Directorate].Id)
            {
                Outcome = p.Outcome,
            };
            _boards[p.BoardKey].AddMember(lead);
            _priorities[p.Code] = priority;
        }

        db.Priorities.AddRange(_priorities.Values);
    }

    private void AddIndicators()
    {
        foreach (var spec in DemoIndicators.All)
        {
            var owner = P(spec.Owner);
            var indicator = new Indicator(DemoIds.For("indicator:" + spec.Code), spec.Code, spec.Title, spec.Unit, spec.Polarity, spec.Frequency, owner.Id)
            {
                IsNational = spec.National,
                DirectorateId = _priorities[spec.Priorities[0]].DirectorateId,
                Baseline = spec.Story == Story.NotAvailable ? null : spec.Baseline,
                Benchmark = spec.Benchmark,
                BenchmarkSource = spec.BenchmarkSource,
            };
            indicator.SetTolerance(ToleranceText.Parse(spec.Tolerance));
            indicator.ProfileAnnualTarget(spec.Profile is null ? null : AnnualProfile.Parse(spec.Profile));
            if (spec.Story != Story.NotAvailable)
            {
                indicator.SetTarget(Period.FinancialYear(Year - 2), spec.LastYearTarget);
                indicator.SetTarget(Period.FinancialYear(Year - 1), spec.LastYearTarget);
            }

            if (spec.ThisYearTarget is { } target)
            {
                indicator.SetTarget(Period.FinancialYear(Year), target);
            }

            if (DemoIndicators.CollatorOf.TryGetValue(spec.Owner, out var collator))
            {
                indicator.AddCollator(P(collator).Id);
            }

            foreach (var code in spec.Priorities)
            {
                indicator.ContributesTo(_priorities[code].Id);
            }

            _indicators[spec.Code] = indicator;
        }

        // Attendance dips in the autumn term: a quarter-specific target overrides the annual one.
        _indicators["CPP-C2"].SetTarget(Period.Quarter(Year, 1), 19);
        db.Indicators.AddRange(_indicators.Values);
    }

    /// <summary>The periods an indicator has reported in: this financial year to date and the whole of last year.</summary>
    private List<Period> PeriodsOf(DemoIndicator spec)
    {
        var last = IndicatorResults.PeriodFor(spec.Frequency, Current);
        var first = spec.Story == Story.NotAvailable
            ? Period.Create(Year, spec.Frequency.PeriodKindOf(), 1)
            : spec.Frequency == Frequency.Annual ? last.Previous() : Period.Create(Year - 1, spec.Frequency.PeriodKindOf(), 1);
        var periods = new List<Period>();
        for (var p = first; p.CompareTo(last) <= 0; p = p.Next())
        {
            periods.Add(p);
        }

        return periods;
    }

    /// <summary>
    /// A value for every period: a seeded random walk of "how far from target, in tolerances"
    /// around a bias of the indicator's own, then the story forced onto the current period.
    /// </summary>
    private List<decimal> ValuesOf(DemoIndicator spec, Indicator indicator, List<Period> periods)
    {
        var bias = _random.NextDouble() * 0.9 - 0.3;
        var s = bias;
        var values = new List<decimal>();
        for (var i = 0; i < periods.Count; i++)
        {
            s = 0.5 * s + 0.5 * bias + Normal() * 0.55;
            var isCurrent = i == periods.Count - 1;
            if (isCurrent)
            {
                s = spec.Story switch
                {
                    Story.Green => 0.45,
                    Story.Amber or Story.Override => -0.55,
                    Story.Red => -1.8,
                    Story.WellAhead => 1.9,
                    Story.Worsening => -0.6,
                    _ => s,
                };
            }

            values.Add(ValueAt(spec, indicator, periods[i], s));
        }

        if (spec.Story == Story.Worsening && values.Count >= 3)
        {
            // Each of the two periods before was better by 0.6 of the tolerance.
            var step = Math.Max(StepOf(spec, indicator, periods[^1]), Unit(spec));
            var better = spec.Polarity == Polarity.HigherIsBetter ? step : -step;
            values[^2] = Round(spec, values[^1] + better);
            values[^3] = Round(spec, values[^2] + better);
        }

        return values;
    }

    private decimal ValueAt(DemoIndicator spec, Indicator indicator, Period period, double s)
    {
        var target = indicator.TargetFor(period) ?? FallbackTarget(spec, indicator, period);
        var d = Band(indicator, target);
        var direction = spec.Polarity == Polarity.HigherIsBetter ? 1m : -1m;
        var value = target + direction * (decimal)s * d;
        if (spec.Unit == "%")
        {
            value = Math.Clamp(value, 0m, 100m);
        }
        else if (spec.Unit != "£m")
        {
            value = Math.Max(value, 0m);
        }

        return Round(spec, value);
    }

    /// <summary>The target a period would have had: last year's, profiled like the others.</summary>
    private static decimal FallbackTarget(DemoIndicator spec, Indicator indicator, Period period) =>
        period.Kind == PeriodKind.Quarter && indicator.QuarterlyProfile is { } profile
            ? profile.ShareOf(spec.LastYearTarget, period.Number)
            : spec.LastYearTarget;

    private static decimal Band(Indicator indicator, decimal target)
    {
        var d = indicator.Tolerance.For(target);
        return d > 0 ? d : Math.Max(Math.Abs(target) * 0.05m, 1m);
    }

    private static decimal StepOf(DemoIndicator spec, Indicator indicator, Period period) =>
        Round(spec, Band(indicator, indicator.TargetFor(period) ?? FallbackTarget(spec, indicator, period)) * 0.6m);

    private static decimal Unit(DemoIndicator spec) => spec.Decimals == 0 ? 1m : 1m / (decimal)Math.Pow(10, spec.Decimals);

    private static decimal Round(DemoIndicator spec, decimal value) => Math.Round(value, spec.Decimals, MidpointRounding.AwayFromZero);

    private double Normal()
    {
        var u1 = 1.0 - _random.NextDouble();
        var u2 = _random.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }

    private static DateTimeOffset At(DateOnly date, int hour, int minute = 0) => UkTime.StartOf(date).AddHours(hour).AddMinutes(minute);

    private static string Format(decimal value, string unit)
    {
        var text = value.ToString("#,0.##", CultureInfo.InvariantCulture);
        return unit switch
        {
            "%" => text + "%",
            "£m" => $"£{text}m",
            _ => $"{text} {unit}",
        };
    }
}
