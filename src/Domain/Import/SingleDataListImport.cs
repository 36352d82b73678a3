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
/// place. What the list no longer has (an indicator, a collator, a priority link, a target) is
/// retired, never deleted: kept with its history, no longer opened or chased, and reinstated when
/// a later list has it again. Every change gets an audit line naming who ran the import and the file.
/// </summary>
public sealed class SingleDataListImport(PmfDbContext db, TimeProvider clock)
{
    public static DataListFormat FormatOf(string path) =>
        Path.GetExtension(path).Equals(".xlsx", StringComparison.OrdinalIgnoreCase) ? DataListFormat.Xlsx : DataListFormat.Csv;

    public static Sheet ReadSheet(Stream file, DataListFormat format) =>
        format == DataListFormat.Xlsx ? XlsxSheet.Read(file) : CsvSheet.Read(file);

    public async Task<ImportResult> ImportFileAsync(string path, CancellationToken cancellationToken = default) =>
        await new ImportFile(db, clock).ImportAsync(path, ImportOptions.For(path), cancellationToken);

    public async Task<ImportResult> ImportAsync(Stream file, DataListFormat format, CancellationToken cancellationToken = default) =>
        await ImportAsync(ReadSheet(file, format), new ImportOptions("single data list", "import"), cancellationToken);

    public async Task<ImportResult> ImportAsync(Sheet sheet, ImportOptions options, CancellationToken cancellationToken = default)
    {
        var people = await db.People.ToListAsync(cancellationToken);
        var knownNames = people.ToDictionary(p => p.Email, p => p.Name, StringComparer.OrdinalIgnoreCase);
        var today = UkTime.Today(clock);
        var check = DataListCheck.Check(sheet, email => knownNames.GetValueOrDefault(email), Period.Containing(today, PeriodKind.Year).Year);
        if (check.List is not { } list)
        {
            return ImportResult.Rejected(check.Problems);
        }

        var audit = await ImportAudit.StartAsync(db, options, clock.GetUtcNow(), cancellationToken);
        var writer = new Writer(db, audit, people);
        await writer.LoadAsync(cancellationToken);
        var counts = writer.Apply(list);
        if (writer.Problems.Count > 0)
        {
            db.ChangeTracker.Clear();
            return ImportResult.Rejected([.. writer.Problems.OrderBy(p => p.Line)]);
        }

        await db.SaveChangesAsync(cancellationToken);
        return new ImportResult(counts, []) { Retired = writer.Retired, Reinstated = writer.Reinstated };
    }

    /// <summary>Applies a checked data list to what is stored, keeping count of what changed and auditing it.</summary>
    private sealed class Writer(PmfDbContext db, ImportAudit audit, List<Person> people)
    {
        private readonly Dictionary<string, Person> _people = people.ToDictionary(p => p.Email, StringComparer.OrdinalIgnoreCase);
        private Dictionary<string, Directorate> _directorates = [];
        private Dictionary<string, Plan> _plans = [];
        private Dictionary<string, Board> _boards = [];
        private Dictionary<string, Priority> _priorities = [];
        private Dictionary<string, Indicator> _indicators = [];

        public List<ImportProblem> Problems { get; } = [];

        /// <summary>What the list no longer has, as a person reads it ("indicator CPP-H1 ...").</summary>
        public List<string> Retired { get; } = [];

        /// <summary>What was retired and is back in the list.</summary>
        public List<string> Reinstated { get; } = [];

        private DateTimeOffset Now => audit.Now;

        public async Task LoadAsync(CancellationToken cancellationToken)
        {
            _directorates = (await db.Directorates.ToListAsync(cancellationToken)).ToDictionary(d => d.Code, StringComparer.OrdinalIgnoreCase);
            _plans = (await db.Plans.ToListAsync(cancellationToken)).ToDictionary(p => p.Name, StringComparer.OrdinalIgnoreCase);
            _boards = (await db.Boards.Include(b => b.Members).ToListAsync(cancellationToken)).ToDictionary(b => b.Name, StringComparer.OrdinalIgnoreCase);
            _priorities = (await db.Priorities.ToListAsync(cancellationToken)).ToDictionary(p => p.Code, StringComparer.OrdinalIgnoreCase);

            // Retired targets, collators and links too: the list may bring them back.
            _indicators = (await db.Indicators
                    .IgnoreQueryFilters()
                    .Include(i => i.Targets)
                    .Include(i => i.Collators)
                    .Include(i => i.Priorities)
                    .AsSplitQuery()
                    .ToListAsync(cancellationToken))
                .ToDictionary(i => i.Code, StringComparer.OrdinalIgnoreCase);
        }

        public ImportCounts Apply(DataList list)
        {
            var peopleBefore = _people.Values.ToDictionary(p => p.Id, Snapshot);

            // People first (everyone else points at them), then their managers and directorates.
            foreach (var line in list.People)
            {
                Guard(line, () => WritePerson(line));
            }

            var directorateTally = Count("Directorate", list.Directorates, d => _directorates.GetValueOrDefault(d.Code), d => d.Id, Snapshot, WriteDirectorate);
            foreach (var line in list.People.Where(p => _people.ContainsKey(p.Email)))
            {
                Guard(line, () => WritePersonLinks(line));
            }

            if (list.PerformanceTeamEmails is { } team)
            {
                WritePerformanceTeam(team);
            }

            CheckManagerChains(list);
            var peopleTally = AuditPeople(list, peopleBefore);
            var planTally = Count("Plan", list.Plans, p => _plans.GetValueOrDefault(p.Name), p => p.Id, Snapshot, WritePlan);
            var boardTally = Count("Board", list.Boards, b => _boards.GetValueOrDefault(b.Name), b => b.Id, Snapshot, b => WriteBoard(b, list));
            var priorityTally = Count("Priority", list.Priorities, p => _priorities.GetValueOrDefault(p.Code), p => p.Id, Snapshot, WritePriority);
            var indicatorTally = Count("Indicator", list.Indicators, i => _indicators.GetValueOrDefault(i.Code), i => i.Id, Snapshot, WriteIndicator);
            RetireIndicatorsNotIn(list);
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

        private Tally Count<TLine, TEntity>(
            string entityType, IReadOnlyList<TLine> lines, Func<TLine, TEntity?> find, Func<TEntity, Guid> id, Func<TEntity, string> snapshot, Func<TLine, TEntity> write)
            where TEntity : class
        {
            var (created, updated, unchanged) = (0, 0, 0);
            foreach (var line in lines)
            {
                var existing = find(line);
                var before = existing is null ? null : snapshot(existing);
                var written = Guard(line, () => write(line));
                if (written is null)
                {
                    continue;
                }

                var after = snapshot(written);
                if (before is null)
                {
                    created++;
                    audit.Record(entityType, id(written), "created by import", null, after);
                }
                else if (before != after)
                {
                    updated++;
                    audit.Record(entityType, id(written), "updated by import", before, after);
                }
                else
                {
                    unchanged++;
                }
            }

            return new Tally(created, updated, unchanged);
        }

        /// <summary>People are written in three passes (names, links, roles): their audit lines compare the start with the end.</summary>
        private Tally AuditPeople(DataList list, Dictionary<Guid, string> before)
        {
            var inList = list.People.Select(p => p.Email).ToHashSet(StringComparer.OrdinalIgnoreCase);
            var (created, updated, unchanged) = (0, 0, 0);
            foreach (var person in _people.Values)
            {
                var after = Snapshot(person);
                if (!before.TryGetValue(person.Id, out var was))
                {
                    created++;
                    audit.Record("Person", person.Id, "created by import", null, after);
                }
                else if (was != after)
                {
                    updated++;
                    audit.Record("Person", person.Id, "updated by import", was, after);
                }
                else if (inList.Contains(person.Email))
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

        /// <summary>The column lists the whole team: those named join it, the others leave it (listed as retired).</summary>
        private void WritePerformanceTeam(IReadOnlyList<string> team)
        {
            var named = team.ToHashSet(StringComparer.OrdinalIgnoreCase);
            foreach (var person in _people.Values.OrderBy(p => p.Email, StringComparer.Ordinal))
            {
                var member = named.Contains(person.Email);
                if (person.IsPerformanceTeam && !member)
                {
                    Retired.Add($"performance team member {person.Email}");
                }

                person.IsPerformanceTeam = member;
            }
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

            // Blank: the performance lead answers it.
            Set(directorate.SelfAssessmentById, line.SelfAssessmentByEmail is { } by ? _people[by].Id : null, v => directorate.SelfAssessmentById = v);
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
                if (indicator.IsRetired)
                {
                    indicator.Reinstate();
                    Reinstated.Add($"indicator {indicator.Code} {indicator.Title}");
                }

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

            WriteTargets(indicator, line);
            WriteCollators(indicator, line);
            WriteLinks(indicator, line);
            return indicator;
        }

        private void WriteTargets(Indicator indicator, IndicatorLine line)
        {
            foreach (var (period, value) in line.Targets)
            {
                var stored = indicator.Targets.FirstOrDefault(t => t.Period == period);
                if (stored is { RetiredAt: not null })
                {
                    Reinstated.Add($"target for {indicator.Code} in {period.Key}");
                }

                if (stored is null || stored.RetiredAt is not null || stored.Value != value)
                {
                    indicator.SetTarget(period, value);
                }
            }

            foreach (var target in indicator.Targets.Where(t => t.RetiredAt is null && !line.Targets.ContainsKey(t.Period)).ToList())
            {
                indicator.RetireTarget(target.Period, Now);
                Retired.Add($"target for {indicator.Code} in {target.Period.Key} ({CellWords.Canonical(target.Value)})");
            }
        }

        private void WriteCollators(Indicator indicator, IndicatorLine line)
        {
            var named = line.CollatorEmails.Select(e => _people[e].Id).ToHashSet();
            foreach (var email in line.CollatorEmails)
            {
                var personId = _people[email].Id;
                if (indicator.Collators.Any(c => c.PersonId == personId && c.RetiredAt is not null))
                {
                    Reinstated.Add($"collator {email} on {indicator.Code}");
                }

                indicator.AddCollator(personId);
            }

            var emails = _people.Values.ToDictionary(p => p.Id, p => p.Email);
            foreach (var collator in indicator.Collators.Where(c => c.RetiredAt is null && !named.Contains(c.PersonId)).ToList())
            {
                indicator.RetireCollator(collator.PersonId, Now);
                Retired.Add($"collator {emails.GetValueOrDefault(collator.PersonId, collator.PersonId.ToString())} on {indicator.Code}");
            }
        }

        private void WriteLinks(Indicator indicator, IndicatorLine line)
        {
            var named = line.PriorityCodes.Select(c => _priorities[c].Id).ToHashSet();
            foreach (var code in line.PriorityCodes)
            {
                var priorityId = _priorities[code].Id;
                if (indicator.Priorities.Any(p => p.PriorityId == priorityId && p.RetiredAt is not null))
                {
                    Reinstated.Add($"link from {indicator.Code} to priority {code}");
                }

                indicator.ContributesTo(priorityId);
            }

            RetireLinks(indicator, named);
        }

        private void RetireLinks(Indicator indicator, IReadOnlySet<Guid> keep)
        {
            var codes = _priorities.Values.ToDictionary(p => p.Id, p => p.Code);
            foreach (var link in indicator.Priorities.Where(p => p.RetiredAt is null && !keep.Contains(p.PriorityId)).ToList())
            {
                indicator.RetireLink(link.PriorityId, Now);
                Retired.Add($"link from {indicator.Code} to priority {codes.GetValueOrDefault(link.PriorityId, "?")}");
            }
        }

        /// <summary>An indicator the list no longer has keeps its returns and history; it stops counting towards its priorities.</summary>
        private void RetireIndicatorsNotIn(DataList list)
        {
            var inList = list.Indicators.Select(i => i.Code).ToHashSet(StringComparer.OrdinalIgnoreCase);
            foreach (var indicator in _indicators.Values.Where(i => !i.IsRetired && !inList.Contains(i.Code)).OrderBy(i => i.Code, StringComparer.Ordinal))
            {
                var before = Snapshot(indicator);
                indicator.Retire(Now);
                Retired.Add($"indicator {indicator.Code} {indicator.Title}");
                RetireLinks(indicator, new HashSet<Guid>());
                audit.Record("Indicator", indicator.Id, "retired by import", before, Snapshot(indicator));
            }
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

        private Guid NewId() => Guid.CreateVersion7(Now);

        // Snapshots: what the audit shows before and after, and how a change is noticed.
        private static string Snapshot(Person p) =>
            ImportAudit.Snapshot(new { p.Name, p.Email, p.ManagerId, p.DirectorateId, p.IsPerformanceTeam, p.EntraObjectId });

        private static string Snapshot(Directorate d) =>
            ImportAudit.Snapshot(new { d.Name, d.Code, d.PerformanceLeadId, d.UsesSignOff, d.SelfAssessmentById });

        private static string Snapshot(Plan p) => ImportAudit.Snapshot(new { p.Name, Kind = p.Kind.ToString(), p.FirstYear, p.LastYear });

        private static string Snapshot(Board b) => ImportAudit.Snapshot(new
        {
            b.Name,
            Kind = b.Kind.ToString(),
            b.ChairId,
            b.Channel,
            Members = b.Members.Select(m => m.PersonId).Order(),
        });

        private static string Snapshot(Priority p) =>
            ImportAudit.Snapshot(new { p.Code, p.Title, p.Outcome, p.PlanId, p.BoardId, p.LeadOfficerId, p.DirectorateId });

        private static string Snapshot(Indicator i) => ImportAudit.Snapshot(new
        {
            i.Code,
            i.Title,
            i.Unit,
            Polarity = i.Polarity.ToString(),
            Frequency = i.Frequency.ToString(),
            i.IsNational,
            i.OwnerId,
            i.DirectorateId,
            Tolerance = ToleranceText.Format(i.Tolerance),
            i.Baseline,
            i.Benchmark,
            i.BenchmarkSource,
            Profile = i.QuarterlyProfile?.ToString(),
            i.IsRetired,
            Targets = i.Targets.Where(t => t.RetiredAt is null).OrderBy(t => t.Period).Select(t => $"{t.Period.Key}={CellWords.Canonical(t.Value)}"),
            Collators = i.Collators.Where(c => c.RetiredAt is null).Select(c => c.PersonId).Order(),
            Priorities = i.Priorities.Where(p => p.RetiredAt is null).Select(p => p.PriorityId).Order(),
        });
    }
}
