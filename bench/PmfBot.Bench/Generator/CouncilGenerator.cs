using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using PmfBot.Domain.Boards;
using PmfBot.Domain.Calendar;
using PmfBot.Domain.Directorates;
using PmfBot.Domain.Indicators;
using PmfBot.Domain.People;
using PmfBot.Domain.Plans;
using PmfBot.Domain.Priorities;
using PmfBot.Domain.Storage;

namespace PmfBot.Bench.Generator;

/// <summary>
/// Builds a large council from a <see cref="CouncilSpec"/> through the entities' own methods (so
/// every return, rating and action carries its audit lines, as in production), drawing from one
/// seeded random generator in a fixed order, and writes it in a few large batched saves.
/// </summary>
public sealed partial class CouncilGenerator
{
    private static readonly (string Code, string Name)[] DirectorateNames =
    [
        ("AH", "Adults and Health"), ("CF", "Children and Families"), ("CHE", "Communities, Housing and Environment"),
        ("CD", "City Development"), ("RES", "Resources"), ("SS", "Strategy and Support"),
    ];

    private static readonly string[] Themes =
    [
        "health inequalities", "school attendance", "homelessness", "air quality", "jobs for young people", "adult social care at home",
        "road safety", "recycling", "digital inclusion", "affordable homes", "child poverty", "loneliness in later life",
        "anti-social behaviour", "active travel", "skills for work", "fuel poverty", "early help for families", "library use",
    ];

    private static readonly string[] Units = ["%", "number", "days", "rate per 1,000"];

    private readonly CouncilSpec _spec;
    private readonly ReturnCalendar _calendar;
    private readonly DateOnly _today;
    private readonly string _serviceUrl;
    private readonly Random _random;
    private readonly List<Person> _people = [];
    private readonly List<Directorate> _directorates = [];
    private readonly List<Board> _owningBoards = [];
    private readonly List<Priority> _priorities = [];
    private readonly List<Indicator> _indicators = [];
    private readonly Dictionary<Guid, Person> _byId = [];
    private readonly Dictionary<Guid, Board> _boardOf = [];
    private List<Person> _owners = [];
    private Person _reader = null!;

    /// <param name="serviceUrl">The Bot Connector address stored in everyone's conversation reference (a fake's, in the benchmarks).</param>
    public CouncilGenerator(CouncilSpec spec, DateOnly today, string serviceUrl, ReturnCalendar? calendar = null)
    {
        _spec = spec;
        _today = today;
        _serviceUrl = serviceUrl;
        _calendar = calendar ?? ReturnCalendar.EnglandAndWales();
        _random = new Random(spec.Seed);
        Quarter = ReportingPeriods.Current(Frequency.Quarterly, today);
    }

    /// <summary>The last quarter of the history: the quarter being reported on <c>today</c>.</summary>
    public Period Quarter { get; }

    /// <summary>Writes the council into an empty, initialised PmfBot database.</summary>
    public async Task<GeneratedCouncil> WriteAsync(StorageOptions storage, CancellationToken cancellationToken = default)
    {
        var watch = Stopwatch.StartNew();
        await using var db = DatabaseSetup.CreateContext(storage);
        if (await db.Boards.AnyAsync(cancellationToken))
        {
            throw new InvalidOperationException("The database already holds a council: the generator writes into an empty one.");
        }

        AddStructure(db);
        await db.SaveChangesAsync(cancellationToken);

        var returns = AddReturns(db);
        await db.SaveChangesAsync(cancellationToken);

        AddGovernance(db);
        AddConversationReferences(db);
        await db.SaveChangesAsync(cancellationToken);

        var auditLines = await db.AuditLog.CountAsync(cancellationToken);
        var reader = ToBench(_reader);
        return new GeneratedCouncil(
            _spec, Quarter, BenchIds.TenantId, reader, _owners.Take(500).Select(ToBench).ToList(),
            _priorities.OrderBy(p => p.Code, StringComparer.Ordinal).Select(p => (p.Id, p.Code)).ToList(),
            _owners.Select(o => o.Id).ToList(), returns, auditLines, watch.Elapsed);
    }

    private Guid Id(string key) => BenchIds.For(_spec.Seed, key);

    private Person NewPerson(string key, string name, Guid? directorateId = null)
    {
        var person = new Person(Id("person:" + key), name, $"{key}@bench.council.test") { DirectorateId = directorateId };
        person.LinkEntraObjectId(Id("entra:" + key).ToString());
        _people.Add(person);
        _byId[person.Id] = person;
        return person;
    }

    private void AddStructure(PmfDbContext db)
    {
        foreach (var (code, name) in DirectorateNames)
        {
            var directorate = new Directorate(Id("directorate:" + code), name, code) { UsesSignOff = _directorates.Count % 2 == 0 };
            directorate.DirectorId = NewPerson($"director.{code.ToLowerInvariant()}", $"Director of {name}", directorate.Id).Id;
            directorate.PerformanceLeadId = NewPerson($"performance.{code.ToLowerInvariant()}", $"Performance Lead, {name}", directorate.Id).Id;
            _directorates.Add(directorate);
        }

        var firstYear = Quarter.Year - 2;
        var plans = new Dictionary<PlanKind, Plan>
        {
            [PlanKind.CityPriorityPlan] = new(Id("plan:cpp"), $"City Priority Plan {firstYear} to {firstYear + 5}", PlanKind.CityPriorityPlan, firstYear, firstYear + 5),
            [PlanKind.CouncilBusinessPlan] = new(Id("plan:cbp"), $"Council Business Plan {firstYear} to {firstYear + 4}", PlanKind.CouncilBusinessPlan, firstYear, firstYear + 4),
        };

        // One strategic partnership board for every seven priorities, and the Best Council board.
        var partnershipBoards = Math.Max(1, _spec.Priorities / 7);
        for (var b = 0; b <= partnershipBoards; b++)
        {
            var best = b == partnershipBoards;
            var name = best ? "Best Council Board" : $"{Title(Themes[b % Themes.Length])} Partnership Board {b + 1}";
            _owningBoards.Add(NewBoard($"board-{b}", name, best ? BoardKind.BestCouncil : BoardKind.StrategicPartnership));
        }

        var scrutiny = new[]
        {
            NewBoard("scrutiny-1", "Scrutiny Board (Adults, Health and Active Lifestyles)", BoardKind.Scrutiny),
            NewBoard("scrutiny-2", "Scrutiny Board (Children and Families)", BoardKind.Scrutiny),
        };
        var audit = NewBoard("audit", "Corporate Governance and Audit Committee", BoardKind.GovernanceAndAudit);
        _reader = NewPerson("scrutiny.member", "Cllr Sam Reader");
        scrutiny[0].AddMember(_reader);

        for (var p = 0; p < _spec.Priorities; p++)
        {
            var board = _owningBoards[p % _owningBoards.Count];
            var best = board.Kind == BoardKind.BestCouncil;
            var directorate = _directorates[p % _directorates.Count];
            var code = $"{(best ? "CBP" : "CPP")}-{p + 1:000}";
            var lead = NewPerson($"lead.{p + 1:000}", $"Lead Officer {p + 1:000}", directorate.Id);
            var theme = Themes[p % Themes.Length];
            var priority = new Priority(Id("priority:" + code), code, $"Improve {theme} across the city ({p + 1})",
                plans[best ? PlanKind.CouncilBusinessPlan : PlanKind.CityPriorityPlan].Id, board.Id, lead.Id, directorate.Id)
            {
                Outcome = $"Better outcomes for residents: {theme}",
            };
            board.AddMember(lead);
            _priorities.Add(priority);
        }

        var managers = Enumerable.Range(1, Math.Max(1, _spec.Owners / 20))
            .Select(m => NewPerson($"manager.{m:00000}", $"Service Manager {m:00000}", _directorates[m % _directorates.Count].Id))
            .ToList();
        _owners = Enumerable.Range(1, _spec.Owners).Select(o =>
        {
            var owner = NewPerson($"owner.{o:00000}", $"Indicator Owner {o:00000}", _directorates[o % _directorates.Count].Id);
            owner.ReportsTo(managers[o % managers.Count]);
            return owner;
        }).ToList();

        AddIndicators();

        db.People.AddRange(_people);
        db.Directorates.AddRange(_directorates);
        db.Plans.AddRange(plans.Values);
        db.Boards.AddRange(_owningBoards);
        db.Boards.AddRange(scrutiny);
        db.Boards.Add(audit);
        db.Priorities.AddRange(_priorities);
        db.Indicators.AddRange(_indicators);

        Board NewBoard(string key, string name, BoardKind kind)
        {
            var chair = NewPerson($"chair.{key}", $"Cllr Chair of {name}");
            var board = new Board(Id("board:" + key), name, kind, chair);
            board.PostTo(new TeamsChannel(BenchIds.TeamId, $"19:bench-{key}@thread.tacv2", name));
            _boardOf[board.Id] = board;
            return board;
        }
    }

    private void AddIndicators()
    {
        var years = Enumerable.Range(Quarter.Year - (_spec.Quarters / 4) - 2, (_spec.Quarters / 4) + 4).ToList();
        for (var i = 0; i < _spec.Indicators; i++)
        {
            var priority = _priorities[i % _priorities.Count];
            var owner = _owners[i % _owners.Count];
            var roll = _random.NextDouble();
            var frequency = _spec.QuarterlyOnly || roll < 0.70 ? Frequency.Quarterly : roll < 0.85 ? Frequency.Monthly : roll < 0.93 ? Frequency.Annual : Frequency.SixMonthly;
            var polarity = _random.NextDouble() < 0.7 ? Polarity.HigherIsBetter : Polarity.LowerIsBetter;
            var unit = Units[_random.Next(Units.Length)];
            var code = $"{priority.Code}-{i / _priorities.Count + 1:000}";
            var indicator = new Indicator(Id("indicator:" + code), code, $"{Title(Themes[_random.Next(Themes.Length)])}: measure {i + 1}", unit, polarity, frequency, owner.Id)
            {
                DirectorateId = priority.DirectorateId,
                IsNational = _random.NextDouble() < 0.3,
                Baseline = 50m,
            };
            indicator.SetTolerance(_random.NextDouble() < 0.6 ? Tolerance.Percent(5m) : Tolerance.Absolute(2m));
            foreach (var year in years)
            {
                indicator.SetTarget(Period.FinancialYear(year), Math.Round(40m + (decimal)(_random.NextDouble() * 40), 1));
            }

            indicator.ContributesTo(priority.Id);
            if (_random.NextDouble() < 0.1)
            {
                // Shared with another priority: it weakens the golden thread, and councils do it.
                indicator.ContributesTo(_priorities[_random.Next(_priorities.Count)].Id);
            }

            if (_random.NextDouble() < 0.2 && _owners.Count > 1)
            {
                indicator.AddCollator(_owners[(i + 1) % _owners.Count].Id);
            }

            _indicators.Add(indicator);
        }
    }

    private static string Title(string theme) => char.ToUpperInvariant(theme[0]) + theme[1..];

    private BenchPerson ToBench(Person person) =>
        new(person.Id, person.Name, person.EntraObjectId!, TeamsUserId(person), PersonalConversationId(person));

    private static string TeamsUserId(Person person) => $"29:bench-{person.Id:N}";

    private static string PersonalConversationId(Person person) => $"a:bench-{person.Id:N}";

    private static DateTimeOffset At(DateOnly date, int hour, int minute = 0) => UkTime.StartOf(date).AddHours(hour).AddMinutes(minute);
}
