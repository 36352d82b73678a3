using System.Text;

namespace PmfBot.Domain.Import;

/// <summary>
/// Reads CSV as RFC 4180 writes it (and as Excel saves it): comma-separated cells, cells in
/// double quotes may hold commas, line breaks and doubled quotes (""), lines end in CRLF or LF.
/// Each row keeps the line it starts on, so problems can point at it. Blank lines are skipped.
/// </summary>
public static class CsvSheet
{
    public static Sheet Read(TextReader reader)
    {
        var records = new List<SheetRow>();
        var problems = new List<ImportProblem>();
        var cells = new List<string>();
        var cell = new StringBuilder();
        var line = 1;
        var recordLine = 1;
        var quoted = false;
        var quoteOpenedOn = 0;
        var cellWasQuoted = false;

        int c;
        while ((c = reader.Read()) != -1)
        {
            var ch = (char)c;
            if (quoted)
            {
                if (ch == '"')
                {
                    if (reader.Peek() == '"')
                    {
                        reader.Read();
                        cell.Append('"');
                    }
                    else
                    {
                        quoted = false;
                    }
                }
                else
                {
                    if (ch == '\n')
                    {
                        line++;
                    }

                    cell.Append(ch);
                }

                continue;
            }

            switch (ch)
            {
                case '"' when cell.Length == 0 && !cellWasQuoted:
                    quoted = true;
                    cellWasQuoted = true;
                    quoteOpenedOn = line;
                    break;
                case ',':
                    cells.Add(Finish(cell, cellWasQuoted));
                    cellWasQuoted = false;
                    break;
                case '\r':
                    break;
                case '\n':
                    cells.Add(Finish(cell, cellWasQuoted));
                    cellWasQuoted = false;
                    records.Add(new SheetRow(recordLine, [.. cells]));
                    cells.Clear();
                    line++;
                    recordLine = line;
                    break;
                default:
                    cell.Append(ch);
                    break;
            }
        }

        if (quoted)
        {
            problems.Add(new ImportProblem(quoteOpenedOn, null, "a quoted cell starts here and is never closed: check for a missing double quote (\")."));
        }

        if (cell.Length > 0 || cells.Count > 0 || cellWasQuoted)
        {
            cells.Add(Finish(cell, cellWasQuoted));
            records.Add(new SheetRow(recordLine, [.. cells]));
        }

        var nonBlank = records.Where(r => !r.IsBlank).ToList();
        if (nonBlank.Count == 0)
        {
            problems.Add(new ImportProblem(1, null, "the file is empty: the first line must name the columns."));
            return new Sheet([], [], problems);
        }

        var header = nonBlank[0];
        return new Sheet(header.Cells, nonBlank.Skip(1).ToList(), problems) { HeaderLine = header.Line };
    }

    public static Sheet Read(Stream stream)
    {
        using var reader = new StreamReader(stream, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, leaveOpen: true);
        return Read(reader);
    }

    private static string Finish(StringBuilder cell, bool quoted)
    {
        var text = quoted ? cell.ToString() : cell.ToString().Trim();
        cell.Clear();
        return text;
    }
}
