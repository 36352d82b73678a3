using System.Globalization;
using System.Text;

namespace PmfBot.Bot.Publication;

/// <summary>
/// RFC 4180 CSV: CRLF between records; a field holding a comma, quote, CR or LF is quoted with
/// its quotes doubled; UTF-8 with a byte order mark so Excel reads it as UTF-8.
/// </summary>
public static class CsvText
{
    /// <summary>
    /// A text cell. One that starts with = + - @ tab or CR would be run as a formula by a
    /// spreadsheet (CSV injection), so it gets a leading apostrophe, which spreadsheets show as text.
    /// </summary>
    public static string Text(string? value) =>
        string.IsNullOrEmpty(value) || value[0] is not ('=' or '+' or '-' or '@' or '\t' or '\r') ? value ?? "" : "'" + value;

    /// <summary>A number cell: digits, an optional minus and a point, never guarded, so -3.5 stays a number.</summary>
    public static string Number(decimal? value) => value?.ToString("0.####", CultureInfo.InvariantCulture) ?? "";

    public static string Record(IEnumerable<string> fields) => string.Join(",", fields.Select(Field)) + "\r\n";

    public static byte[] Utf8WithByteOrderMark(string csv) => [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(csv)];

    private static string Field(string value) =>
        value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
}
