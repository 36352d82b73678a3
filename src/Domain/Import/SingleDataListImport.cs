using Microsoft.EntityFrameworkCore;
using PmfBot.Domain.Boards;
using PmfBot.Domain.Calendar;
using PmfBot.Domain.Directorates;
using PmfBot.Domain.Indicators;
using PmfBot.Domain.People;
using PmfBot.Domain.Plans;
using PmfBot.Domain.Priorities;
using PmfBot.Domain.Storage;

namespace PmfBot.Domain.Import;

/// <summary>The two kinds of file a single data list comes in.</summary>
public enum DataListFormat
{
    Csv,
    Xlsx,
}

/// <summary>
/// Imports a council's single data list: checks the whole file first and, only when it has no
/// problem at all, writes it in one save (one transaction). Things are matched by their
/// natural keys (email, directorate code, plan name, board name, priority code, indicator
/// code), so importing the same file again changes nothing and an edited file updates in
/// place. The import adds and updates; it never deletes: a target, collator or link that is
/// not in the file is kept, and an empty optional cell leaves what is stored as it is.
/// </summary>
public sealed class SingleDataListImport(PmfDbContext db, TimeProvider clock)
{
    public static DataListFormat FormatOf(string path) =>
        Path.GetExtension(path).Equals(".xlsx", StringComparison.OrdinalIgnoreCase) ? DataListFormat.Xlsx : DataListFormat.Csv;

    public static Sheet ReadSheet(Stream file, DataListFormat format) =>
        format == DataListFormat.Xlsx ? XlsxSheet.Read(file) : CsvSheet.Read(file);

    public async Task<ImportResult> ImportFileAsync(string path, CancellationToken cancellationToken = default)
    {
        if (Path.GetExtension(path).Equals(".xls", StringComparison.OrdinalIgnoreCase))
        {
            return ImportResult.Rejected([new ImportProblem(1, null, "this is an old Excel file (.xls): save it as an Excel workbook (.xlsx) or as CSV and import that.")]);
        }

        await using var file = File.OpenRead(path);
        return await ImportAsync(file, FormatOf(path), cancellationToken);
    }

    public async Task<ImportResult> ImportAsync(Stream file, DataListFormat format, CancellationToken cancellationToken = default)
    {
        var sheet = ReadSheet(file, format);
        var people = await db.People.ToListAsync(cancellationToken);
        var knownNames = people.ToDictionary(p => p.Email, p => p.Name, StringComparer.OrdinalIgnoreCase);
        var today = UkTime.Today(clock);
        var check = DataListCheck.Check(sheet, email => knownNames.GetValueOrDefault(email), Period.Containing(today, PeriodKind.Year).Year);
        if (check.List is not { } list)
        {
            return ImportResult.Rejected(check.Problems);
        }

        var writer = new Writer(db, clock.GetUtcNow(), people);
        await writer.LoadAsync(cancellationToken);
        var counts = writer.Apply(list);
        if (writer.Problems.Count > 0)
        {
            db.ChangeTracker.Clear();
            return ImportResult.Rejected([.. writer.Problems.OrderBy(p => p.Line)]);
        }

        await db.SaveChangesAsync(cancellationToken);
        return new ImportResult(counts, []);
    }

    /// <summary>Applies a checked data list to what is stored, keeping count of what changed.</summary>
    private sealed class Writer(PmfDbContext db, DateTimeOffset now, List<Person> people)
    {
        private readonly Dictionary<string, Person> _people = people.ToDictionary(p => p.Email, StringComparer.OrdinalIgnoreCase);
        private Dictionary<string, Directorate> _directorates = [];
        private Dictionary<string, Plan> _plans = [];
        private Dictionary<string, Board> _boards = [];
        private Dictionary<string, Priority> _priorities = [];
        private Dictionary<string, Indicator> _indicators = [];

        public List<ImportProblem> Problems { get; } = [];

        public async Task LoadAsync(CancellationToken cancellationToken)
        {
            _directorates = (await db.Directorates.ToListAsync(cancellationToken)).ToDictionary(d => d.Code, StringComparer.OrdinalIgnoreCase);
            _plans = (await db.Plans.ToListAsync(cancellationToken)).ToDictionary(p => p.Name, StringComparer.OrdinalIgnoreCase);
            _boards = (await db.Boards.Include(b => b.Members).ToListAsync(cancellationToken)).ToDictionary(b => b.Name, StringComparer.OrdinalIgnoreCase);
            _priorities = (await db.Priorities.ToListAsync(cancellationToken)).ToDictionary(p => p.Code, StringComparer.OrdinalIgnoreCase);
            _indicators = (await db.Indicators
                    .Include(i => i.Targets)
                    .Include(i => i.Collators)
                    .Include(i => i.Priorities)
                    .AsSplitQuery()
                    .ToListAsync(cancellationToken))
                .ToDictionary(i => i.Code, StringComparer.OrdinalIgnoreCase);
        }

        public ImportCounts Apply(DataList list)
        {
            // People first (everyone else points at them), then their managers and directorates.
            var peopleBefore = list.People
                .Where(p => _people.ContainsKey(p.Email))
                .ToDictionary(p => p.Email, p => Signature(_people[p.Email]), StringComparer.OrdinalIgnoreCase);
            foreach (var line in list.People)
            {
                Guard(line, () => WritePerson(line));
            }

            var directorateTally = Count(list.Directorates, d => _directorates.GetValueOrDefault(d.Code), Signature, WriteDirectorate);
            foreach (var line in list.People.Where(p => _people.ContainsKey(p.Email)))
            {
                Guard(line, () => WritePersonLinks(line));
            }

            CheckManagerChains(list);
            var peopleTally = new Tally(
                list.People.Count(p => !peopleBefore.ContainsKey(p.Email)),
                peopleBefore.Count(p => p.Value != Signature(_people[p.Key])),
                peopleBefore.Count(p => p.Value == Signature(_people[p.Key])));
            var planTally = Count(list.Plans, p => _plans.GetValueOrDefault(p.Name), Signature, WritePlan);
            var boardTally = Count(list.Boards, b => _boards.GetValueOrDefault(b.Name), Signature, b => WriteBoard(b, list));
            var priorityTally = Count(list.Priorities, p => _priorities.GetValueOrDefault(p.Code), Signature, WritePriority);
            var indicatorTally = Count(list.Indicators, i => _indicators.GetValueOrDefault(i.Code), Signature, WriteIndicator);
            return new ImportCounts(
                peopleTally,
                directorateTally,
                planTally,
                boardTally,
                priorityTally,
                indicatorTally,
                list.Indicators.Sum(i => i.PriorityCodes.Count),
                list.Indicators.Sum(i => i.Targets.Count));
        }

        private Tally Count<TLine, TEntity>(IReadOnlyList<TLine> lines, Func<TLine, TEntity?> find, Func<TEntity, string> signature, Func<TLine, TEntity> write)
            where TEntity : class
        {
            var (created, updated, unchanged) = (0, 0, 0);
            foreach (var line in lines)
            {
                var existing = find(line);
                var before = existing is null ? null : signature(existing);
                var written = Guard(line, () => write(line));
                if (written is null)
                {
                    continue;
                }

                if (before is null)
                {
                    created++;
                }
                else if (before != signature(written))
                {
                    updated++;
                }
                else
                {
                    unchanged++;
                }
            }

            return new Tally(created, updated, unchanged);
        }

        private Person WritePerson(PersonLine line)
        {
            if (!_people.TryGetValue(line.Email, out var person))
            {
                person = new Person(NewId(), line.Name!, line.Email);
                db.People.Add(person);
                _people[line.Email] = person;
                return person;
            }

            if (line.Name is { } name && name != person.Name)
            {
                person.Rename(name);
            }

            return person;
        }

        private Person WritePersonLinks(PersonLine line)
        {
            var person = _people[line.Email];
            if (line.ManagerEmail is { } managerEmail && _people.TryGetValue(managerEmail, out var manager) && person.ManagerId != manager.Id)
            {
                person.ReportsTo(manager);
            }

            if (person.DirectorateId is null && line.DirectorateCode is { } code && _directorates.TryGetValue(code, out var directorate))
            {
                person.DirectorateId = directorate.Id;
            }

            return person;
        }

        private void CheckManagerChains(DataList list)
        {
            var byId = _people.Values.ToDictionary(p => p.Id);
            foreach (var line in list.People.Where(p => p.ManagerEmail is not null))
            {
                var start = _people[line.Email];
                var seen = new HashSet<Guid> { start.Id };
                for (var next = start.ManagerId; next is { } id && byId.TryGetValue(id, out var manager); next = manager.ManagerId)
                {
                    if (!seen.Add(id))
                    {
                        Problems.Add(new ImportProblem(line.Line, DataListColumns.OwnersManagerEmail, $"{line.Email} would end up managing themselves through their managers: check who reports to whom."));
                        break;
                    }
                }
            }
        }

        private Directorate WriteDirectorate(DirectorateLine line)
        {
            if (!_directorates.TryGetValue(line.Code, out var directorate))
            {
                directorate = new Directorate(NewId(), line.Name, line.Code);
                db.Directorates.Add(directorate);
                _directorates[line.Code] = directorate;
            }
            else if (directorate.Name != line.Name)
            {
                directorate.Rename(line.Name);
            }

            if (line.PerformanceLeadEmail is { } leadEmail)
            {
                directorate.PerformanceLeadId = _people[leadEmail].Id;
            }

            if (line.UsesSignOff is { } signOff)
            {
                directorate.UsesSignOff = signOff;
            }

            return directorate;
        }

        private Plan WritePlan(PlanLine line)
        {
            if (!_plans.TryGetValue(line.Name, out var plan))
            {
                plan = new Plan(NewId(), line.Name, line.Kind, line.FirstYear, line.LastYear);
                db.Plans.Add(plan);
                _plans[line.Name] = plan;
            }
            else if (plan.Kind != line.Kind || plan.FirstYear != line.FirstYear || plan.LastYear != line.LastYear)
            {
                plan.Revise(line.Kind, line.FirstYear, line.LastYear);
            }

            return plan;
        }

        private Board WriteBoard(BoardLine line, DataList list)
        {
            var chair = _people[line.ChairEmail];
            if (!_boards.TryGetValue(line.Name, out var board))
            {
                board = new Board(NewId(), line.Name, line.Kind, chair);
                db.Boards.Add(board);
                _boards[line.Name] = board;
            }
            else
            {
                if (board.Kind != line.Kind)
                {
                    var ownsPriorities = _priorities.Values.Any(p => p.BoardId == board.Id
                        && !list.Priorities.Any(l => l.Code.Equals(p.Code, StringComparison.OrdinalIgnoreCase) && !l.BoardName.Equals(line.Name, StringComparison.OrdinalIgnoreCase)));
                    board.Reclassify(line.Kind, ownsPriorities);
                }

                if (board.ChairId != chair.Id)
                {
                    board.ChangeChair(chair);
                }
            }

            if (line.Channel is { } channel && board.Channel != channel)
            {
                board.PostTo(channel);
            }

            foreach (var email in line.MemberEmails)
            {
                board.AddMember(_people[email]);
            }

            return board;
        }

        private Priority WritePriority(PriorityLine line)
        {
            var plan = _plans[line.PlanName];
            var board = _boards[line.BoardName];
            var lead = _people[line.LeadOfficerEmail];
            var directorate = _directorates[line.DirectorateCode];
            if (!_priorities.TryGetValue(line.Code, out var priority))
            {
                priority = new Priority(NewId(), line.Code, line.Title, plan.Id, board.Id, lead.Id, directorate.Id);
                db.Priorities.Add(priority);
                _priorities[line.Code] = priority;
            }
            else
            {
                if (priority.Title != line.Title || priority.PlanId != plan.Id || priority.BoardId != board.Id || priority.DirectorateId != directorate.Id)
                {
                    priority.Revise(line.Title, plan.Id, board.Id, directorate.Id);
                }

                if (priority.LeadOfficerId != lead.Id)
                {
                    priority.ChangeLead(lead.Id);
                }
            }

            if (line.Outcome is { } outcome && priority.Outcome != outcome)
            {
                priority.Outcome = outcome;
            }

            return priority;
        }

        private Indicator WriteIndicator(IndicatorLine line)
        {
            var owner = _people[line.OwnerEmail];
            if (!_indicators.TryGetValue(line.Code, out var indicator))
            {
                indicator = new Indicator(NewId(), line.Code, line.Title, line.Unit, line.Polarity, line.Frequency, owner.Id);
                db.Indicators.Add(indicator);
                _indicators[line.Code] = indicator;
            }
            else
            {
                if (indicator.Title != line.Title || indicator.Unit != line.Unit || indicator.Polarity != line.Polarity || indicator.Frequency != line.Frequency)
                {
                    indicator.Describe(line.Title, line.Unit, line.Polarity, line.Frequency);
                }

                if (indicator.OwnerId != owner.Id)
                {
                    indicator.AssignOwner(owner.Id);
                }
            }

            Set(indicator.IsNational, line.IsNational, v => indicator.IsNational = v);
            Set(indicator.DirectorateId, _directorates[line.DirectorateCode].Id, v => indicator.DirectorateId = v);
            if (line.Tolerance is { } tolerance && indicator.Tolerance != tolerance)
            {
                indicator.SetTolerance(tolerance);
            }

            if (line.Baseline is { } baseline)
            {
                Set(indicator.Baseline, baseline, v => indicator.Baseline = v);
            }

            if (line.Benchmark is { } benchmark)
            {
                Set(indicator.Benchmark, benchmark, v => indicator.Benchmark = v);
            }

            if (line.BenchmarkSource is { } source)
            {
                Set(indicator.BenchmarkSource, source, v => indicator.BenchmarkSource = v);
            }

            if (line.Profile is { } profile && indicator.QuarterlyProfile != profile)
            {
                indicator.ProfileAnnualTarget(profile);
            }

            foreach (var (period, value) in line.Targets)
            {
                if (indicator.Targets.FirstOrDefault(t => t.Period == period)?.Value != value)
                {
                    indicator.SetTarget(period, value);
                }
            }

            foreach (var email in line.CollatorEmails)
            {
                indicator.AddCollator(_people[email].Id);
            }

            foreach (var code in line.PriorityCodes)
            {
                indicator.ContributesTo(_priorities[code].Id);
            }

            return indicator;
        }

        /// <summary>Runs one write; a broken domain rule becomes a problem at the thing's first line.</summary>
        private TEntity? Guard<TLine, TEntity>(TLine line, Func<TEntity> write)
            where TEntity : class
        {
            try
            {
                return write();
            }
            catch (PmfRuleException ex)
            {
                Problems.Add(new ImportProblem(LineOf(line), null, ex.Message));
                return null;
            }
        }

        private static int LineOf<TLine>(TLine line) => line switch
        {
            PersonLine p => p.Line,
            DirectorateLine d => d.Line,
            PlanLine p => p.Line,
            BoardLine b => b.Line,
            PriorityLine p => p.Line,
            IndicatorLine i => i.Line,
            _ => 0,
        };

        private static void Set<T>(T current, T value, Action<T> set)
        {
            if (!EqualityComparer<T>.Default.Equals(current, value))
            {
                set(value);
            }
        }

        private Guid NewId() => Guid.CreateVersion7(now);

        private static string Signature(Person p) => $"{p.Name}|{p.ManagerId}|{p.DirectorateId}";

        private static string Signature(Directorate d) => $"{d.Name}|{d.PerformanceLeadId}|{d.UsesSignOff}";

        private static string Signature(Plan p) => $"{p.Kind}|{p.FirstYear}|{p.LastYear}";

        private static string Signature(Board b) =>
            $"{b.Kind}|{b.ChairId}|{b.Channel}|{string.Join(',', b.Members.Select(m => m.PersonId).Order())}";

        private static string Signature(Priority p) =>
            $"{p.Title}|{p.Outcome}|{p.PlanId}|{p.BoardId}|{p.LeadOfficerId}|{p.DirectorateId}";

        private static string Signature(Indicator i) =>
            $"{i.Title}|{i.Unit}|{i.Polarity}|{i.Frequency}|{i.IsNational}|{i.OwnerId}|{i.DirectorateId}|{i.Tolerance}|{i.Baseline}|{i.Benchmark}|{i.BenchmarkSource}|{i.QuarterlyProfile}|"
            + string.Join(',', i.Targets.OrderBy(t => t.Period).Select(t => $"{t.Period.Key}={t.Value}")) + "|"
            + string.Join(',', i.Collators.Select(c => c.PersonId).Order()) + "|"
            + string.Join(',', i.Priorities.Select(p => p.PriorityId).Order());
    }
}
