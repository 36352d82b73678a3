using System.Globalization;
using MiniExcelLibs;

namespace PmfBot.Domain.Import;

/// <summary>
/// Reads the first worksheet of an Excel workbook (.xlsx) with the same columns as the CSV. The
/// line of a row is its row number in Excel. Numbers are read as Excel stores them, dates as
/// ISO dates, so the checks that follow are the same for both formats.
/// </summary>
public static class XlsxSheet
{
    public static Sheet Read(Stream stream)
    {
        List<IDictionary<string, object?>> rows;
        try
        {
            rows = MiniExcel.Query(stream, useHeaderRow: false, excelType: ExcelType.XLSX)
                .Cast<IDictionary<string, object?>>()
                .ToList();
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException or FormatException or InvalidOperationException or NotSupportedException)
        {
            return new Sheet([], [], [new ImportProblem(1, null, $"the file could not be read as an Excel workbook (.xlsx): {ex.Message}")]);
        }

        var records = new List<SheetRow>();
        for (var i = 0; i < rows.Count; i++)
        {
            records.Add(new SheetRow(i + 1, rows[i].Values.Select(Text).ToList()));
        }

        var nonBlank = records.Where(r => !r.IsBlank).ToList();
        if (nonBlank.Count == 0)
        {
            return new Sheet([], [], [new ImportProblem(1, null, "the first worksheet is empty: its first row must name the columns.")]);
        }

        var header = nonBlank[0];
        var width = header.Cells.Count;
        while (width > 0 && string.IsNullOrWhiteSpace(header.Cells[width - 1]))
        {
            width--;
        }

        return new Sheet(header.Cells.Take(width).ToList(), nonBlank.Skip(1).ToList(), []) { HeaderLine = header.Line };
    }

    private static string Text(object? value) => value switch
    {
        null => "",
        string s => s.Trim(),
        DateTime d => d.TimeOfDay == TimeSpan.Zero ? d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : d.ToString("s", CultureInfo.InvariantCulture),
        bool b => b ? "yes" : "no",
        double d => d.ToString(CultureInfo.InvariantCulture),
        decimal d => d.ToString(CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString()?.Trim() ?? "",
    };
}
