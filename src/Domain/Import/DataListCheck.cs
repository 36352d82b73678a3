using PmfBot.Domain.Boards;
using PmfBot.Domain.Calendar;
using PmfBot.Domain.Indicators;
using PmfBot.Domain.Plans;
using Col = PmfBot.Domain.Import.DataListColumns;

namespace PmfBot.Domain.Import;

/// <summary>The outcome of checking a sheet: the data list when there is no problem, else every problem.</summary>
public sealed record DataListCheckResult(DataList? List, IReadOnlyList<ImportProblem> Problems)
{
    public bool IsValid => List is not null;
}

/// <summary>
/// Checks a single data list and collects every problem, with its line and column: missing
/// columns and cells, words that mean nothing, numbers that are not numbers, and rows that
/// disagree with each other (an indicator with two titles, an email with two names, a priority
/// on two boards). Pure: it reads no database; people already known to PmfBot are passed in.
/// </summary>
public static class DataListCheck
{
    /// <param name="sheet">The rows as read from the file.</param>
    /// <param name="knownName">The name PmfBot already holds for an email, or null.</param>
    /// <param name="currentFinancialYear">Used for a plan's years when the file gives none.</param>
    public static DataListCheckResult Check(Sheet sheet, Func<string, string?> knownName, int currentFinancialYear) =>
        new Checker(sheet, knownName, currentFinancialYear).Run();

    private sealed class Checker(Sheet sheet, Func<string, string?> knownName, int currentFinancialYear)
    {
        private static readonly string[] PriorityDetailColumns =
            [Col.Plan, Col.PlanType, Col.PlanFrom, Col.PlanTo, Col.Priority, Col.Outcome, Col.LeadOfficer, Col.LeadOfficerEmail, Col.Directorate, Col.DirectorateCode, Col.PerformanceLeadEmail, Col.DirectorateSignOff, Col.SelfAssessmentByEmail];

        private static readonly string[] IndicatorDetailColumns =
            [Col.Indicator, Col.Unit, Col.Polarity, Col.Frequency, Col.NationalOrLocal, Col.Owner, Col.OwnerEmail, Col.OwnersManagerEmail, Col.CollatorEmails, Col.Tolerance, Col.Baseline, Col.Benchmark, Col.BenchmarkSource, Col.Profile];

        private readonly List<ImportProblem> _problems = [.. sheet.Problems];
        private readonly Dictionary<string, int> _columns = new(StringComparer.Ordinal);
        private readonly List<(Period Period, int Index, string Heading)> _targetColumns = [];
        private readonly Dictionary<string, (string Canonical, string Shown, int Line)> _facts = new(StringComparer.Ordinal);

        private readonly Dictionary<string, PersonDraft> _people = new(StringComparer.Ordinal);
        private readonly List<(string Email, int Line, string Column)> _unnamed = [];
        private readonly Dictionary<string, DirectorateDraft> _directorates = new(StringComparer.OrdinalIgnoreCase);
        private readonly Dictionary<string, PlanDraft> _plans = new(StringComparer.OrdinalIgnoreCase);
        private readonly Dictionary<string, BoardDraft> _boards = new(StringComparer.OrdinalIgnoreCase);
        private readonly Dictionary<string, PriorityDraft> _priorities = new(StringComparer.OrdinalIgnoreCase);
        private readonly Dictionary<string, IndicatorDraft> _indicators = new(StringComparer.OrdinalIgnoreCase);
        private readonly Dictionary<string, int> _links = new(StringComparer.OrdinalIgnoreCase);
        private readonly List<string> _performanceTeam = [];

        public DataListCheckResult Run()
        {
            if (sheet.Headers.Count > 0)
            {
                ReadHeadings();
                var required = Col.All.Where(c => c.Use != ColumnUse.Optional).ToList();
                if (required.All(c => _columns.ContainsKey(c.Name)))
                {
                    foreach (var row in sheet.Rows)
                    {
                        ReadRow(row);
                    }

                    if (sheet.Rows.Count == 0)
                    {
                        Problem(sheet.HeaderLine, null, "the file has headings but no rows.");
                    }

                    CheckNames();
                }
            }

            if (_problems.Count > 0)
            {
                return new DataListCheckResult(null, [.. _problems.OrderBy(p => p.Line)]);
            }

            return new DataListCheckResult(Build(), []);
        }

        private void ReadHeadings()
        {
            var line = sheet.HeaderLine;
            var known = Col.All.ToDictionary(c => CellWords.Normalise(c.Name), c => c.Name, StringComparer.Ordinal);
            var seen = new Dictionary<string, int>(StringComparer.Ordinal);
            for (var i = 0; i < sheet.Headers.Count; i++)
            {
                var heading = sheet.Headers[i].Trim();
                if (heading.Length == 0)
                {
                    if (sheet.Rows.Any(r => !string.IsNullOrWhiteSpace(r.Cell(i))))
                    {
                        Problem(line, null, $"column {i + 1} has no heading, but there are values under it: give it one of the headings in docs/import.md, or delete it.");
                    }

                    continue;
                }

                var key = CellWords.Normalise(heading);
                if (seen.TryGetValue(key, out var first))
                {
                    Problem(line, heading, $"the heading appears twice (columns {first + 1} and {i + 1}): keep one.");
                    continue;
                }

                seen[key] = i;
                if (known.TryGetValue(key, out var name))
                {
                    _columns[name] = i;
                }
                else if (key.StartsWith("target ", StringComparison.Ordinal))
                {
                    var periodText = heading[Col.TargetPrefix.Length..].Trim();
                    if (Period.TryParse(periodText, out var period))
                    {
                        if (_targetColumns.Any(t => t.Period == period))
                        {
                            Problem(line, heading, $"there is already a target column for {period.Label}: keep one.");
                        }
                        else
                        {
                            _targetColumns.Add((period, i, heading));
                        }
                    }
                    else
                    {
                        Problem(line, heading, $"'{periodText}' is not a period: name target columns like 'Target 2025-26' (the year), 'Target 2025-26-Q2', 'Target 2025-26-M07' or 'Target 2025-26-H1'.");
                    }
                }
                else
                {
                    var hint = Col.All.Select(c => c.Name).FirstOrDefault(n => Distance(CellWords.Normalise(n), key) <= 2);
                    Problem(line, heading, hint is null
                        ? "this is not a column of the single data list (see docs/import.md for the columns)."
                        : $"this is not a column of the single data list: did you mean '{hint}'?");
                }
            }

            foreach (var column in Col.All.Where(c => c.Use != ColumnUse.Optional && !_columns.ContainsKey(c.Name)))
            {
                Problem(line, column.Name, "the column is missing: add it (see docs/import.md).");
            }
        }

        private void ReadRow(SheetRow row)
        {
            var line = row.Line;
            var width = sheet.Headers.Count;
            if (row.Cells.Skip(width).Any(c => !string.IsNullOrWhiteSpace(c)))
            {
                Problem(line, null, $"the row has more cells than there are headings ({width}): check for a stray comma or an unquoted cell.");
            }

            string Get(string column) => _columns.TryGetValue(column, out var index) ? row.Cell(index).Trim() : "";

            var priorityCode = Get(Col.PriorityCode);
            var indicatorCode = Get(Col.IndicatorCode);
            var hasPriority = priorityCode.Length > 0;
            var hasIndicator = indicatorCode.Length > 0;

            foreach (var column in Col.All)
            {
                var needed = column.Use switch
                {
                    ColumnUse.EveryRow => true,
                    ColumnUse.PriorityRows => hasPriority,
                    ColumnUse.IndicatorRows => hasIndicator,
                    _ => false,
                };
                if (needed && Get(column.Name).Length == 0)
                {
                    Problem(line, column.Name, column.Name == Col.PriorityCode
                        ? "an indicator must be linked to a priority: give the priority's code."
                        : $"this cell is empty; it is needed on every row that names {(column.Use == ColumnUse.PriorityRows ? "a priority" : column.Use == ColumnUse.IndicatorRows ? "an indicator" : "a board")}.");
                }
            }

            if (!hasPriority && !hasIndicator && PriorityDetailColumns.Any(c => Get(c).Length > 0))
            {
                Problem(line, Col.PriorityCode, "the row describes a priority but gives no priority code.");
            }

            if (!hasIndicator && (IndicatorDetailColumns.Any(c => Get(c).Length > 0) || _targetColumns.Any(t => row.Cell(t.Index).Trim().Length > 0)))
            {
                Problem(line, Col.IndicatorCode, "the row describes an indicator but gives no indicator code.");
            }

            foreach (var email in People(line, Col.PerformanceTeamEmails, Get(Col.PerformanceTeamEmails)).Where(e => !_performanceTeam.Contains(e)))
            {
                _performanceTeam.Add(email);
            }

            var board = ReadBoard(line, Get, hasPriority);
            if (!hasPriority)
            {
                return;
            }

            var directorate = ReadDirectorate(line, Get);
            var plan = ReadPlan(line, Get);
            var priority = ReadPriority(line, Get, priorityCode, board, plan, directorate);
            if (hasIndicator)
            {
                ReadIndicator(row, Get, indicatorCode, priority, directorate);
            }
        }

        private BoardDraft? ReadBoard(int line, Func<string, string> get, bool ownsPriority)
        {
            var name = get(Col.Board);
            var kindText = get(Col.BoardType);
            var kind = kindText.Length == 0 ? null : Parse(line, Col.BoardType, CellWords.ParseBoardKind(kindText));
            var chairEmail = NamedPerson(line, Col.Chair, get(Col.Chair), Col.ChairEmail, get(Col.ChairEmail));
            if (kind is { } k && ownsPriority && k is BoardKind.Scrutiny or BoardKind.GovernanceAndAudit)
            {
                Problem(line, Col.BoardType, $"a {kindText} board scrutinises priorities but does not own them: put the board that owns the priority in column {Col.Board}, and give the scrutiny board a row of its own with no priority.");
            }

            var membersText = get(Col.BoardMembersEmails);
            var members = People(line, Col.BoardMembersEmails, membersText);
            var teamId = get(Col.TeamsTeamId);
            var channelId = get(Col.TeamsChannelId);
            var channelName = get(Col.TeamsChannelName);
            if (channelId.Length > 0 && !channelId.StartsWith("19:", StringComparison.Ordinal))
            {
                Problem(line, Col.TeamsChannelId, $"'{channelId}' is not a Teams channel id: they start with 19: (copy it from the channel's link).");
            }

            if (channelId.Length > 0 && teamId.Length == 0)
            {
                Problem(line, Col.TeamsTeamId, "a channel id needs its team's id too.");
            }

            if (channelId.Length == 0 && (teamId.Length > 0 || channelName.Length > 0))
            {
                Problem(line, Col.TeamsChannelId, "give the channel's id as well as its team and name, or leave all three empty.");
            }

            if (name.Length == 0)
            {
                return null;
            }

            Agree("board", name, Col.BoardType, kind?.ToString(), kindText, line);
            Agree("board", name, Col.ChairEmail, chairEmail, get(Col.ChairEmail), line);
            Agree("board", name, Col.TeamsTeamId, teamId, teamId, line);
            Agree("board", name, Col.TeamsChannelId, channelId, channelId, line);
            Agree("board", name, Col.TeamsChannelName, channelName, channelName, line);
            Agree("board", name, Col.BoardMembersEmails, members.Count == 0 ? null : string.Join(';', members.Order(StringComparer.Ordinal)), membersText, line);

            if (!_boards.TryGetValue(name, out var draft))
            {
                draft = new BoardDraft { Name = name, Line = line };
                _boards[name] = draft;
            }

            draft.Kind ??= kind;
            draft.ChairEmail ??= chairEmail;
            if (draft.MemberEmails.Count == 0)
            {
                draft.MemberEmails.AddRange(members);
            }

            if (draft.Channel is null && channelId.StartsWith("19:", StringComparison.Ordinal) && teamId.Length > 0)
            {
                draft.Channel = new TeamsChannel(teamId, channelId, channelName.Length > 0 ? channelName : name);
            }

            return draft;
        }

        private DirectorateDraft? ReadDirectorate(int line, Func<string, string> get)
        {
            var code = get(Col.DirectorateCode);
            var name = get(Col.Directorate);
            var leadText = get(Col.PerformanceLeadEmail);
            var lead = leadText.Length == 0 ? null : Person(line, Col.PerformanceLeadEmail, leadText);
            var selfAssessmentText = get(Col.SelfAssessmentByEmail);
            var selfAssessmentBy = selfAssessmentText.Length == 0 ? null : Person(line, Col.SelfAssessmentByEmail, selfAssessmentText);
            var signOffText = get(Col.DirectorateSignOff);
            var signOff = signOffText.Length == 0 ? null : Parse(line, Col.DirectorateSignOff, CellWords.ParseYesNo(signOffText));
            if (code.Length == 0)
            {
                return null;
            }

            Agree("directorate", code, Col.Directorate, name, name, line);
            if (name.Length > 0)
            {
                Agree("directorate named", name, Col.DirectorateCode, code, code, line,
                    (prev, prevLine) => $"the directorate '{name}' has code {prev} on line {prevLine} but {code} here: one directorate, one code.");
            }

            Agree("directorate", code, Col.PerformanceLeadEmail, lead, leadText, line);
            Agree("directorate", code, Col.DirectorateSignOff, signOff?.ToString(), signOffText, line);
            Agree("directorate", code, Col.SelfAssessmentByEmail, selfAssessmentBy, selfAssessmentText, line);
            if (!_directorates.TryGetValue(code, out var draft))
            {
                draft = new DirectorateDraft { Code = code, Line = line };
                _directorates[code] = draft;
            }

            draft.Name ??= name.Length > 0 ? name : null;
            draft.PerformanceLeadEmail ??= lead;
            draft.UsesSignOff ??= signOff;
            draft.SelfAssessmentByEmail ??= selfAssessmentBy;
            return draft;
        }

        private PlanDraft? ReadPlan(int line, Func<string, string> get)
        {
            var name = get(Col.Plan);
            var kindText = get(Col.PlanType);
            var kind = kindText.Length == 0 ? null : Parse(line, Col.PlanType, CellWords.ParsePlanKind(kindText));
            var fromText = get(Col.PlanFrom);
            var toText = get(Col.PlanTo);
            var from = fromText.Length == 0 ? null : Parse(line, Col.PlanFrom, CellWords.ParseFinancialYear(fromText));
            var to = toText.Length == 0 ? null : Parse(line, Col.PlanTo, CellWords.ParseFinancialYear(toText));
            if (from is { } f && to is { } t && t < f)
            {
                Problem(line, Col.PlanTo, $"the plan ends ({toText}) before it starts ({fromText}).");
            }

            if (name.Length == 0)
            {
                return null;
            }

            Agree("plan", name, Col.PlanType, kind?.ToString(), kindText, line);
            Agree("plan", name, Col.PlanFrom, from?.ToString(), fromText, line);
            Agree("plan", name, Col.PlanTo, to?.ToString(), toText, line);
            if (!_plans.TryGetValue(name, out var draft))
            {
                draft = new PlanDraft { Name = name, Line = line };
                _plans[name] = draft;
            }

            draft.Kind ??= kind;
            draft.From ??= from;
            draft.To ??= to;
            return draft;
        }

        private PriorityDraft ReadPriority(int line, Func<string, string> get, string code, BoardDraft? board, PlanDraft? plan, DirectorateDraft? directorate)
        {
            var title = get(Col.Priority);
            var outcome = get(Col.Outcome);
            var lead = NamedPerson(line, Col.LeadOfficer, get(Col.LeadOfficer), Col.LeadOfficerEmail, get(Col.LeadOfficerEmail));
            Agree("priority", code, Col.Priority, title, title, line);
            Agree("priority", code, Col.Outcome, outcome, outcome, line);
            Agree("priority", code, Col.LeadOfficerEmail, lead, get(Col.LeadOfficerEmail), line);
            Agree("priority", code, Col.Board, board?.Name, board?.Name ?? "", line,
                (prev, prevLine) => $"priority {code} is owned by {prev} on line {prevLine}: a priority belongs to one board.");
            Agree("priority", code, Col.Plan, plan?.Name, plan?.Name ?? "", line,
                (prev, prevLine) => $"priority {code} is under {prev} on line {prevLine}: a priority sits under one plan.");
            Agree("priority", code, Col.DirectorateCode, directorate?.Code, directorate?.Code ?? "", line,
                (prev, prevLine) => $"priority {code} belongs to directorate {prev} on line {prevLine}: a priority belongs to one directorate.");

            if (!_priorities.TryGetValue(code, out var draft))
            {
                draft = new PriorityDraft { Code = code, Line = line };
                _priorities[code] = draft;
            }

            draft.Title ??= title.Length > 0 ? title : null;
            draft.Outcome ??= outcome.Length > 0 ? outcome : null;
            draft.LeadEmail ??= lead;
            draft.Board ??= board;
            draft.Plan ??= plan;
            draft.Directorate ??= directorate;
            if (lead is not null && directorate is not null)
            {
                PersonOf(lead, line).DirectorateCode ??= directorate.Code;
            }

            return draft;
        }

        private void ReadIndicator(SheetRow row, Func<string, string> get, string code, PriorityDraft priority, DirectorateDraft? directorate)
        {
            var line = row.Line;
            var firstSight = !_indicators.TryGetValue(code, out var draft);
            if (draft is null)
            {
                draft = new IndicatorDraft { Code = code, Line = line };
                _indicators[code] = draft;
            }

            if (_links.TryGetValue(code + "\u0001" + priority.Code, out var linkedOn))
            {
                Problem(line, Col.IndicatorCode, $"{code} is already linked to priority {priority.Code} on line {linkedOn}: one row per link.");
            }
            else
            {
                _links[code + "\u0001" + priority.Code] = line;
                draft.PriorityCodes.Add(priority.Code);
            }

            var title = get(Col.Indicator);
            var unit = get(Col.Unit);
            var polarityText = get(Col.Polarity);
            var frequencyText = get(Col.Frequency);
            var nationalText = get(Col.NationalOrLocal);
            var polarity = polarityText.Length == 0 ? null : Parse(line, Col.Polarity, CellWords.ParsePolarity(polarityText));
            var frequency = frequencyText.Length == 0 ? null : Parse(line, Col.Frequency, CellWords.ParseFrequency(frequencyText));
            var national = nationalText.Length == 0 ? null : Parse(line, Col.NationalOrLocal, CellWords.ParseNationalOrLocal(nationalText));
            var owner = NamedPerson(line, Col.Owner, get(Col.Owner), Col.OwnerEmail, get(Col.OwnerEmail));

            var managerText = get(Col.OwnersManagerEmail);
            var manager = managerText.Length == 0 ? null : Person(line, Col.OwnersManagerEmail, managerText);
            if (manager is not null && owner is not null)
            {
                if (manager == owner)
                {
                    Problem(line, Col.OwnersManagerEmail, $"{owner} cannot be their own manager.");
                }
                else
                {
                    Agree("person", owner, Col.OwnersManagerEmail, manager, managerText, line,
                        (prev, prevLine) => $"{owner} reports to {prev} on line {prevLine}: a person has one manager.");
                    PersonOf(owner, line).ManagerEmail ??= manager;
                }
            }

            var collatorsText = get(Col.CollatorEmails);
            var collators = new List<string>();
            foreach (var part in collatorsText.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                if (Person(line, Col.CollatorEmails, part) is { } email && !collators.Contains(email) && email != owner)
                {
                    collators.Add(email);
                }
            }

            var toleranceText = get(Col.Tolerance);
            var tolerance = toleranceText.Length == 0 ? null : Parse(line, Col.Tolerance, CellWords.ParseTolerance(toleranceText));
            var baselineText = get(Col.Baseline);
            var baseline = baselineText.Length == 0 ? null : Parse(line, Col.Baseline, CellWords.ParseNumber(baselineText));
            var benchmarkText = get(Col.Benchmark);
            var benchmark = benchmarkText.Length == 0 ? null : Parse(line, Col.Benchmark, CellWords.ParseNumber(benchmarkText));
            var source = get(Col.BenchmarkSource);
            var profileText = get(Col.Profile);
            AnnualProfile? profile = null;
            if (profileText.Length > 0)
            {
                try
                {
                    profile = AnnualProfile.Parse(profileText);
                }
                catch (PmfRuleException ex)
                {
                    Problem(line, Col.Profile, $"{ex.Message} Write it like 20;45;70;100.");
                }
            }

            Agree("indicator", code, Col.Indicator, title, title, line);
            Agree("indicator", code, Col.Unit, unit, unit, line);
            Agree("indicator", code, Col.Polarity, polarity?.ToString(), polarityText, line);
            Agree("indicator", code, Col.Frequency, frequency?.ToString(), frequencyText, line);
            Agree("indicator", code, Col.NationalOrLocal, national?.ToString(), nationalText, line);
            Agree("indicator", code, Col.OwnerEmail, owner, get(Col.OwnerEmail), line);
            Agree("indicator", code, Col.CollatorEmails, collators.Count == 0 ? null : string.Join(';', collators.Order(StringComparer.Ordinal)), collatorsText, line);
            Agree("indicator", code, Col.Tolerance, tolerance?.ToString(), toleranceText, line);
            Agree("indicator", code, Col.Baseline, baseline is { } b ? CellWords.Canonical(b) : null, baselineText, line);
            Agree("indicator", code, Col.Benchmark, benchmark is { } m ? CellWords.Canonical(m) : null, benchmarkText, line);
            Agree("indicator", code, Col.BenchmarkSource, source, source, line);
            Agree("indicator", code, Col.Profile, profile?.ToString(), profileText, line);

            draft.Title ??= title.Length > 0 ? title : null;
            draft.Unit ??= unit.Length > 0 ? unit : null;
            draft.Polarity ??= polarity;
            draft.Frequency ??= frequency;
            draft.IsNational ??= national;
            draft.OwnerEmail ??= owner;
            draft.DirectorateCode ??= directorate?.Code;
            draft.Tolerance ??= tolerance;
            draft.Baseline ??= baseline;
            draft.Benchmark ??= benchmark;
            draft.BenchmarkSource ??= source.Length > 0 ? source : null;
            draft.Profile ??= profile;
            foreach (var collator in collators.Where(c => !draft.CollatorEmails.Contains(c)))
            {
                draft.CollatorEmails.Add(collator);
            }

            if (owner is not null && directorate is not null)
            {
                PersonOf(owner, line).DirectorateCode ??= directorate.Code;
            }

            foreach (var (period, index, heading) in _targetColumns)
            {
                var text = row.Cell(index).Trim();
                var value = text.Length == 0 ? null : Parse(line, heading, CellWords.ParseNumber(text));
                Agree("indicator", code, heading, value is { } v ? CellWords.Canonical(v) : null, text, line);
                if (value is null)
                {
                    continue;
                }

                draft.Targets.TryAdd(period, value.Value);
                if (firstSight && frequency is { } f && !Fits(period, f))
                {
                    Problem(line, heading, $"{code} is reported {Describe(f)}, so it cannot have a target for {period.Label}: give a target for the year or for each {Step(f)}.");
                }
            }

            if (firstSight && profile is not null && frequency is { } freq && freq != Frequency.Quarterly)
            {
                Problem(line, Col.Profile, $"a profile spreads an annual target over quarters, but {code} is reported {Describe(freq)}: leave the profile empty.");
            }
        }

        /// <summary>A person in a name column and an email column (chair, lead officer, owner).</summary>
        private string? NamedPerson(int line, string nameColumn, string name, string emailColumn, string emailText)
        {
            if (emailText.Length == 0)
            {
                return null;
            }

            var email = emailText.ToLowerInvariant();
            if (!CellWords.IsEmail(email))
            {
                Problem(line, emailColumn, $"'{emailText}' is not an email address.");
                return null;
            }

            NoteName(email, name, line, nameColumn);
            return email;
        }

        /// <summary>People in one cell separated by ';', each as "Name &lt;email&gt;" or a bare email.</summary>
        private List<string> People(int line, string column, string text)
        {
            var emails = new List<string>();
            foreach (var part in text.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                if (Person(line, column, part) is { } email && !emails.Contains(email))
                {
                    emails.Add(email);
                }
            }

            return emails;
        }

        /// <summary>A person in one cell, as "Name &lt;email&gt;" or a bare email.</summary>
        private string? Person(int line, string column, string text)
        {
            var (name, email) = CellWords.ParsePerson(text);
            if (email is null)
            {
                Problem(line, column, $"'{text}' is not an email address, nor a name and email written as Name <email>.");
                return null;
            }

            if (name is null)
            {
                PersonOf(email, line);
                _unnamed.Add((email, line, column));
            }
            else
            {
                NoteName(email, name, line, column);
            }

            return email;
        }

        private void NoteName(string email, string name, int line, string column)
        {
            var person = PersonOf(email, line);
            if (name.Length == 0)
            {
                return;
            }

            Agree("person", email, "name", name, name, line,
                (prev, prevLine) => $"{email} is '{prev}' on line {prevLine} but '{name}' here: one email is one person, so use one name.",
                column);
            person.Name ??= name;
        }

        private PersonDraft PersonOf(string email, int line)
        {
            if (!_people.TryGetValue(email, out var person))
            {
                person = new PersonDraft { Email = email, Line = line };
                _people[email] = person;
            }

            return person;
        }

        private void CheckNames()
        {
            foreach (var (email, line, column) in _unnamed)
            {
                if (_people[email].Name is null && knownName(email) is null)
                {
                    Problem(line, column, $"{email} is not named anywhere in the file and PmfBot does not know them yet: write it as Name <{email}>.");
                }
            }
        }

        /// <summary>
        /// Records what a row says about one property of a thing; a later row saying something
        /// else is a problem at that row. Empty cells agree with anything.
        /// </summary>
        private void Agree(string kind, string key, string column, string? canonical, string shown, int line, Func<string, int, string>? message = null, string? reportColumn = null)
        {
            if (string.IsNullOrWhiteSpace(canonical))
            {
                return;
            }

            var factKey = $"{kind}\u0001{key.ToUpperInvariant()}\u0001{column}";
            var normal = CellWords.Normalise(canonical);
            if (!_facts.TryGetValue(factKey, out var first))
            {
                _facts[factKey] = (normal, shown, line);
                return;
            }

            if (first.Canonical != normal)
            {
                Problem(line, reportColumn ?? column, message?.Invoke(first.Shown, first.Line)
                    ?? $"{kind} {key} has '{shown}' here but '{first.Shown}' on line {first.Line}: it must read the same on every row.");
            }
        }

        private T? Parse<T>(int line, string column, (T? Value, string? Problem) parsed)
            where T : struct
        {
            if (parsed.Problem is not null)
            {
                Problem(line, column, parsed.Problem);
            }

            return parsed.Value;
        }

        private Tolerance? Parse(int line, string column, (Tolerance? Value, string? Problem) parsed)
        {
            if (parsed.Problem is not null)
            {
                Problem(line, column, parsed.Problem);
            }

            return parsed.Value;
        }

        private void Problem(int line, string? column, string message) => _problems.Add(new ImportProblem(line, column, message));

        private DataList Build()
        {
            var plans = _plans.Values.Select(p =>
            {
                var years = _priorities.Values.Where(pr => pr.Plan == p)
                    .SelectMany(pr => _indicators.Values.Where(i => i.PriorityCodes.Contains(pr.Code, StringComparer.OrdinalIgnoreCase)))
                    .SelectMany(i => i.Targets.Keys).Select(k => k.Year).ToList();
                var first = p.From ?? (years.Count > 0 ? years.Min() : currentFinancialYear);
                var last = p.To ?? Math.Max(first + 3, years.Count > 0 ? years.Max() : first);
                return new PlanLine(p.Name, p.Kind!.Value, first, last, p.Line);
            }).ToList();

            var members = _priorities.Values
                .Where(p => p.Board is not null && p.LeadEmail is not null)
                .GroupBy(p => p.Board!.Name, StringComparer.OrdinalIgnoreCase)
                .ToDictionary(g => g.Key, g => g.Select(p => p.LeadEmail!).Distinct().ToList(), StringComparer.OrdinalIgnoreCase);
            foreach (var board in _boards.Values.Where(b => b.MemberEmails.Count > 0))
            {
                members[board.Name] = [.. members.GetValueOrDefault(board.Name) ?? [], .. board.MemberEmails];
            }

            return new DataList(
                _people.Values.Select(p => new PersonLine(p.Email, p.Name, p.ManagerEmail, p.DirectorateCode, p.Line)).ToList(),
                _directorates.Values.Select(d => new DirectorateLine(d.Code, d.Name!, d.PerformanceLeadEmail, d.UsesSignOff, d.Line) { SelfAssessmentByEmail = d.SelfAssessmentByEmail }).ToList(),
                plans,
                _boards.Values.Select(b => new BoardLine(b.Name, b.Kind!.Value, b.ChairEmail!, b.Channel, members.GetValueOrDefault(b.Name) ?? [], b.Line)).ToList(),
                _priorities.Values.Select(p => new PriorityLine(p.Code, p.Title!, p.Outcome, p.Plan!.Name, p.Board!.Name, p.LeadEmail!, p.Directorate!.Code, p.Line)).ToList(),
                _indicators.Values.Select(i => new IndicatorLine(
                    i.Code, i.Title!, i.Unit!, i.Polarity!.Value, i.Frequency!.Value, i.IsNational!.Value, i.OwnerEmail!, i.DirectorateCode!,
                    i.Tolerance, i.Baseline, i.Benchmark, i.BenchmarkSource, i.Profile,
                    new Dictionary<Period, decimal>(i.Targets), [.. i.CollatorEmails], [.. i.PriorityCodes], i.Line)).ToList())
            {
                // An empty column leaves the team as it is: a list that names nobody would lock everyone out.
                PerformanceTeamEmails = _performanceTeam.Count > 0 ? [.. _performanceTeam] : null,
            };
        }

        private static bool Fits(Period period, Frequency frequency) => period.Kind switch
        {
            PeriodKind.Year => true,
            PeriodKind.Quarter => frequency == Frequency.Quarterly,
            PeriodKind.Month => frequency == Frequency.Monthly,
            PeriodKind.HalfYear => frequency == Frequency.SixMonthly,
            _ => false,
        };

        private static string Describe(Frequency frequency) => frequency switch
        {
            Frequency.Monthly => "monthly",
            Frequency.Quarterly => "quarterly",
            Frequency.SixMonthly => "six-monthly",
            _ => "annually",
        };

        private static string Step(Frequency frequency) => frequency switch
        {
            Frequency.Monthly => "month (Target 2025-26-M07)",
            Frequency.Quarterly => "quarter (Target 2025-26-Q2)",
            Frequency.SixMonthly => "half year (Target 2025-26-H1)",
            _ => "year (Target 2025-26)",
        };

        private static int Distance(string a, string b)
        {
            var d = new int[a.Length + 1, b.Length + 1];
            for (var i = 0; i <= a.Length; i++)
            {
                d[i, 0] = i;
            }

            for (var j = 0; j <= b.Length; j++)
            {
                d[0, j] = j;
            }

            for (var i = 1; i <= a.Length; i++)
            {
                for (var j = 1; j <= b.Length; j++)
                {
                    d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
                }
            }

            return d[a.Length, b.Length];
        }
    }

    private sealed class PersonDraft
    {
        public int Line { get; init; }

        public string Email { get; init; } = "";

        public string? Name { get; set; }

        public string? ManagerEmail { get; set; }

        public string? DirectorateCode { get; set; }
    }

    private sealed class DirectorateDraft
    {
        public int Line { get; init; }

        public string Code { get; init; } = "";

        public string? Name { get; set; }

        public string? PerformanceLeadEmail { get; set; }

        public bool? UsesSignOff { get; set; }

        public string? SelfAssessmentByEmail { get; set; }
    }

    private sealed class PlanDraft
    {
        public int Line { get; init; }

        public string Name { get; init; } = "";

        public PlanKind? Kind { get; set; }

        public int? From { get; set; }

        public int? To { get; set; }
    }

    private sealed class BoardDraft
    {
        public int Line { get; init; }

        public string Name { get; init; } = "";

        public BoardKind? Kind { get; set; }

        public string? ChairEmail { get; set; }

        public TeamsChannel? Channel { get; set; }

        public List<string> MemberEmails { get; } = [];
    }

    private sealed class PriorityDraft
    {
        public string Code { get; init; } = "";

        public int Line { get; init; }

        public string? Title { get; set; }

        public string? Outcome { get; set; }

        public string? LeadEmail { get; set; }

        public BoardDraft? Board { get; set; }

        public PlanDraft? Plan { get; set; }

        public DirectorateDraft? Directorate { get; set; }
    }

    private sealed class IndicatorDraft
    {
        public int Line { get; init; }

        public string Code { get; init; } = "";

        public string? Title { get; set; }

        public string? Unit { get; set; }

        public Polarity? Polarity { get; set; }

        public Frequency? Frequency { get; set; }

        public bool? IsNational { get; set; }

        public string? OwnerEmail { get; set; }

        public string? DirectorateCode { get; set; }

        public Tolerance? Tolerance { get; set; }

        public decimal? Baseline { get; set; }

        public decimal? Benchmark { get; set; }

        public string? BenchmarkSource { get; set; }

        public AnnualProfile? Profile { get; set; }

        public Dictionary<Period, decimal> Targets { get; } = [];

        public List<string> CollatorEmails { get; } = [];

        public List<string> PriorityCodes { get; } = [];
    }
}
