using System.Text;
using PmfBot.Domain.Import;
using Col = PmfBot.Domain.Import.DataListColumns;

namespace PmfBot.Domain.Tests.Import;

/// <summary>
/// Builds single data lists for tests: a small, valid list by default (one board, one priority,
/// two indicators, one scrutiny board), with helpers to change a cell, add a row or a column.
/// Line 1 is the header, so the first row is on line 2.
/// </summary>
internal sealed class DataListFile
{
    private readonly List<string> _columns;
    private readonly List<Dictionary<string, string>> _rows = [];

    private DataListFile(IEnumerable<string> columns) => _columns = [.. columns];

    public IReadOnlyList<string> Columns => _columns;

    public IReadOnlyList<Dictionary<string, string>> Rows => _rows;

    /// <summary>The typical columns and no rows.</summary>
    public static DataListFile Empty() => new(Col.All.Select(c => c.Name).Append("Target 2025-26").Append("Target 2025-26-Q2"));

    public static DataListFile Typical()
    {
        var file = Empty();
        file.AddRow(IndicatorRow("CPP-H1", "Percentage of adults who are physically active"));
        file.AddRow(IndicatorRow("CPP-H2", "Number of people supported to live at home", change: r =>
        {
            r[Col.Unit] = "number";
            r[Col.Frequency] = "quarterly";
            r[Col.Profile] = "20;45;70;100";
            r[Col.Tolerance] = "5%";
            r[Col.CollatorEmails] = "Jo Bell <jo.bell@council.gov.uk>; Kim Lee <kim.lee@council.gov.uk>";
            r["Target 2025-26"] = "2000";
            r["Target 2025-26-Q2"] = "850";
        }));
        file.AddRow(BoardRow("Scrutiny Board (Adults and Health)", "Scrutiny board", "Cllr Fiona Brannigan", "fiona.brannigan@council.gov.uk"));
        return file;
    }

    public static Dictionary<string, string> BoardRow(string name, string type, string chair, string chairEmail) => new(StringComparer.Ordinal)
    {
        [Col.Board] = name,
        [Col.BoardType] = type,
        [Col.Chair] = chair,
        [Col.ChairEmail] = chairEmail,
    };

    /// <summary>A complete row linking an indicator to priority CPP-H on the Health and Wellbeing Board.</summary>
    public static Dictionary<string, string> IndicatorRow(string code, string title, Action<Dictionary<string, string>>? change = null)
    {
        var row = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [Col.Plan] = "City Priority Plan 2025 to 2030",
            [Col.PlanType] = "City Priority Plan",
            [Col.PlanFrom] = "2025/26",
            [Col.PlanTo] = "2029/30",
            [Col.Board] = "Health and Wellbeing Board",
            [Col.BoardType] = "Strategic partnership board",
            [Col.Chair] = "Cllr Rosa Whitfield",
            [Col.ChairEmail] = "rosa.whitfield@council.gov.uk",
            [Col.TeamsTeamId] = "0b7d1c5e-1111-2222-3333-444455556666",
            [Col.TeamsChannelId] = "19:hwb@thread.tacv2",
            [Col.TeamsChannelName] = "Health and Wellbeing",
            [Col.PriorityCode] = "CPP-H",
            [Col.Priority] = "Reduce health inequalities",
            [Col.Outcome] = "Best city for health and wellbeing",
            [Col.LeadOfficer] = "Dr Aisha Rahman",
            [Col.LeadOfficerEmail] = "aisha.rahman@council.gov.uk",
            [Col.Directorate] = "Adults and Health",
            [Col.DirectorateCode] = "AH",
            [Col.PerformanceLeadEmail] = "Lee Young <lee.young@council.gov.uk>",
            [Col.DirectorateSignOff] = "yes",
            [Col.IndicatorCode] = code,
            [Col.Indicator] = title,
            [Col.Unit] = "%",
            [Col.Polarity] = "higher is better",
            [Col.Frequency] = "annual",
            [Col.NationalOrLocal] = "local",
            [Col.Owner] = "Kate Hughes",
            [Col.OwnerEmail] = "kate.hughes@council.gov.uk",
            [Col.OwnersManagerEmail] = "Cathy Rolfe <cathy.rolfe@council.gov.uk>",
            [Col.Tolerance] = "2",
            [Col.Baseline] = "61.2",
            [Col.Benchmark] = "64",
            [Col.BenchmarkSource] = "Core cities average",
            ["Target 2025-26"] = "63",
        };
        change?.Invoke(row);
        return row;
    }

    public DataListFile AddRow(Dictionary<string, string> row)
    {
        _rows.Add(row);
        return this;
    }

    /// <summary>Changes a cell of the row on a line (line 2 is the first row).</summary>
    public DataListFile Set(int line, string column, string value)
    {
        _rows[line - 2][column] = value;
        return this;
    }

    public DataListFile RenameColumn(string from, string to)
    {
        _columns[_columns.IndexOf(from)] = to;
        foreach (var row in _rows.Where(r => r.ContainsKey(from)))
        {
            row[to] = row[from];
            row.Remove(from);
        }

        return this;
    }

    public DataListFile AddColumn(string name)
    {
        _columns.Add(name);
        return this;
    }

    public DataListFile RemoveColumn(string name)
    {
        _columns.Remove(name);
        return this;
    }

    public string ToCsv()
    {
        var text = new StringBuilder();
        text.Append(string.Join(',', _columns.Select(Quote))).Append("\r\n");
        foreach (var row in _rows)
        {
            text.Append(string.Join(',', _columns.Select(c => Quote(row.GetValueOrDefault(c) ?? "")))).Append("\r\n");
        }

        return text.ToString();
    }

    public Stream ToCsvStream() => new MemoryStream(Encoding.UTF8.GetBytes(ToCsv()));

    public Sheet ToSheet() => CsvSheet.Read(new StringReader(ToCsv()));

    private static string Quote(string cell) =>
        cell.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + cell.Replace("\"", "\"\"") + "\"" : cell;
}
