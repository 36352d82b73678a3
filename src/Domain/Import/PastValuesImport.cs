using System.Globalization;
using Microsoft.EntityFrameworkCore;
using PmfBot.Domain.Calendar;
using PmfBot.Domain.Indicators;
using PmfBot.Domain.Returns;
using PmfBot.Domain.Storage;
using Col = PmfBot.Domain.Import.PastValuesColumns;

namespace PmfBot.Domain.Import;

/// <summary>
/// Imports past values as submitted returns marked imported, so RAG, travel against the same
/// period last year and trends have history from the first quarter PmfBot runs. The RAG is the
/// domain's own rule against the period's target and tolerance. A return submitted through
/// PmfBot is never replaced unless the import is asked to (<see cref="ImportOptions.OverwriteSubmitted"/>).
/// </summary>
public sealed class PastValuesImport(PmfDbContext db, TimeProvider clock, ReturnCalendar calendar)
{
    private const string What = "a past values file";

    private sealed record Row(int Line, Indicator Indicator, Period Period, ReturnEntry Entry);

    public async Task<ImportResult> ImportAsync(Sheet sheet, ImportOptions options, CancellationToken cancellationToken = default)
    {
        var problems = new List<ImportProblem>(sheet.Problems);
        var headings = Headings.Read(sheet, Col.All, What, problems);
        if (problems.Count > 0)
        {
            return ImportResult.Rejected([.. problems.OrderBy(p => p.Line)]);
        }

        var indicators = (await db.Indicators.Include(i => i.Targets).ToListAsync(cancellationToken))
            .ToDictionary(i => i.Code, StringComparer.OrdinalIgnoreCase);
        var rows = Check(sheet, headings, indicators, problems);
        var ids = rows.Select(r => r.Indicator.Id).Distinct().ToList();
        var stored = (await db.Returns.Where(r => ids.Contains(r.IndicatorId)).ToListAsync(cancellationToken))
            .ToDictionary(r => (r.IndicatorId, r.Period));
        foreach (var row in rows)
        {
            if (stored.GetValueOrDefault((row.Indicator.Id, row.Period)) is { SubmittedThroughPmfBot: true } submitted
                && submitted.ImportChanges(row.Entry) && !options.OverwriteSubmitted)
            {
                problems.Add(new ImportProblem(row.Line, Col.Value,
                    $"the {row.Period.Label} return for {row.Indicator.Code} was submitted through PmfBot ({Shown(submitted)}): it is not replaced unless the import is run with --overwrite-submitted."));
            }
        }

        if (problems.Count > 0)
        {
            return ImportResult.Rejected([.. problems.OrderBy(p => p.Line)]);
        }

        var audit = await ImportAudit.StartAsync(db, options, clock.GetUtcNow(), cancellationToken);
        var (created, updated, unchanged) = (0, 0, 0);
        var overwritten = new List<string>();
        foreach (var row in rows)
        {
            if (!stored.TryGetValue((row.Indicator.Id, row.Period), out var ret))
            {
                db.Returns.Add(IndicatorReturn.Imported(row.Indicator, row.Period, calendar.WindowFor(row.Period).Due, row.Entry, audit.Actor, audit.Now));
                created++;
            }
            else if (!ret.ImportChanges(row.Entry))
            {
                unchanged++;
            }
            else
            {
                if (ret.SubmittedThroughPmfBot)
                {
                    overwritten.Add($"{row.Indicator.Code} {row.Period.Key} (was {Shown(ret)})");
                }

                ret.Import(row.Entry, options.OverwriteSubmitted, audit.Actor, audit.Now);
                updated++;
            }
        }

        audit.NameFileOnQueuedLines();
        await db.SaveChangesAsync(cancellationToken);
        var summary = new List<string> { $"past values: {new Tally(created, updated, unchanged)}" };
        summary.AddRange(overwritten.Select(o => $"overwrote a return submitted through PmfBot: {o}"));
        return ImportResult.Done(ImportKind.PastValues, [.. summary]);
    }

    private List<Row> Check(Sheet sheet, Headings headings, Dictionary<string, Indicator> indicators, List<ImportProblem> problems)
    {
        var today = UkTime.Today(clock);
        var rows = new List<Row>();
        var seen = new Dictionary<(Guid, Period), int>();
        foreach (var row in sheet.Rows)
        {
            var line = row.Line;
            var before = problems.Count;
            headings.RequireCells(row, Col.All, problems);
            var code = headings.Get(row, Col.IndicatorCode);
            var periodText = headings.Get(row, Col.Period);
            var valueText = headings.Get(row, Col.Value);
            var reason = headings.Get(row, Col.DataNotAvailableReason);
            var commentary = headings.Get(row, Col.Commentary);

            var indicator = code.Length == 0 ? null : indicators.GetValueOrDefault(code);
            if (code.Length > 0 && indicator is null)
            {
                problems.Add(new ImportProblem(line, Col.IndicatorCode, $"PmfBot has no indicator {code}: import the single data list that has it first, or check the code."));
            }

            Period? period = null;
            if (periodText.Length > 0)
            {
                if (!Period.TryParse(periodText, out var parsed))
                {
                    problems.Add(new ImportProblem(line, Col.Period, $"'{periodText}' is not a period: write it like 2024-25-Q1 (a quarter), 2024-25-M07 (a month, April is M01), 2024-25-H1 (a half year) or 2024-25 (the year)."));
                }
                else if (parsed.End >= today)
                {
                    problems.Add(new ImportProblem(line, Col.Period, $"{parsed.Label} has not ended yet (it ends on {parsed.End.ToString("d MMMM yyyy", CultureInfo.InvariantCulture)}): only past values can be imported."));
                }
                else if (indicator is not null && !ReportingPeriods.ReportsIn(indicator.Frequency, parsed))
                {
                    problems.Add(new ImportProblem(line, Col.Period, $"{indicator.Code} is reported {Describe(indicator.Frequency)}, so it has no value for {parsed.Label}: give one row per {Step(indicator.Frequency)}."));
                }
                else
                {
                    period = parsed;
                }
            }

            decimal? value = null;
            if (valueText.Length > 0)
            {
                var (number, problem) = CellWords.ParseNumber(valueText);
                if (problem is not null)
                {
                    problems.Add(new ImportProblem(line, Col.Value, problem));
                }

                value = number;
            }

            if (valueText.Length > 0 && reason.Length > 0)
            {
                problems.Add(new ImportProblem(line, Col.DataNotAvailableReason, "give a value or the reason it is not available, not both."));
            }
            else if (valueText.Length == 0 && reason.Length == 0)
            {
                problems.Add(new ImportProblem(line, Col.Value, "this cell is empty: give the value, or say in 'Data not available reason' why there is none."));
            }

            if (indicator is not null && period is { } p)
            {
                if (seen.TryGetValue((indicator.Id, p), out var first))
                {
                    problems.Add(new ImportProblem(line, Col.Period, $"{indicator.Code} already has a value for {p.Label} on line {first}: one row per indicator and period."));
                }
                else
                {
                    seen[(indicator.Id, p)] = line;
                }
            }

            var entry = new ReturnEntry(value, reason.Length == 0 ? null : reason, null, null, commentary.Length == 0 ? null : commentary, null, null);
            try
            {
                entry.Normalised().Validate(forSubmission: false);
            }
            catch (PmfRuleException ex)
            {
                problems.Add(new ImportProblem(line, ex.Field == "commentary" ? Col.Commentary : Col.DataNotAvailableReason, ex.Message));
            }

            if (problems.Count == before && indicator is not null && period is { } ok)
            {
                rows.Add(new Row(line, indicator, ok, entry));
            }
        }

        return rows;
    }

    private static string Shown(IndicatorReturn ret) =>
        ret.Value is { } v ? CellWords.Canonical(v) : $"not available: {ret.NotAvailableReason}";

    private static string Describe(Frequency frequency) => frequency switch
    {
        Frequency.Monthly => "monthly",
        Frequency.Quarterly => "quarterly",
        Frequency.SixMonthly => "six-monthly",
        _ => "annually",
    };

    private static string Step(Frequency frequency) => frequency switch
    {
        Frequency.Monthly => "month (2024-25-M07)",
        Frequency.Quarterly => "quarter (2024-25-Q1)",
        Frequency.SixMonthly => "half year (2024-25-H1)",
        _ => "year (2024-25)",
    };
}
