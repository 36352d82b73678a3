using System.Collections.Frozen;
using System.Globalization;

namespace PmfBot.Domain.Calendar;

/// <summary>
/// Days that are not working days besides weekends. The shipped table is England and Wales,
/// 2018 to 2030 (gov.uk up to its published years; later years follow the usual rules, so a
/// one-off such as a royal event must be added by the council with <see cref="WithExtra"/>).
/// Immutable: extending returns a new instance.
/// </summary>
public sealed class BankHolidays
{
    public const string ResourceName = "bank-holidays-england-and-wales.csv";

    private const string LocalHolidayName = "Local holiday";

    private static readonly Lazy<BankHolidays> Shipped = new(LoadShipped);

    private readonly FrozenDictionary<DateOnly, string> _names;

    private BankHolidays(IEnumerable<KeyValuePair<DateOnly, string>> days)
    {
        _names = days.ToFrozenDictionary();
        Dates = [.. _names.Keys.Order()];
    }

    /// <summary>All the dates, in order.</summary>
    public IReadOnlyList<DateOnly> Dates { get; }

    /// <summary>The last date the table knows: past it only weekends are excluded.</summary>
    public DateOnly? LastDate => Dates.Count == 0 ? null : Dates[^1];

    public static BankHolidays EnglandAndWales() => Shipped.Value;

    public static BankHolidays None() => new([]);

    /// <summary>Reads "Date,Name" lines (ISO dates; a header line and blank lines are skipped).</summary>
    public static BankHolidays Parse(TextReader csv) => new(ReadCsv(csv, "the holiday list"));

    public bool IsBankHoliday(DateOnly date) => _names.ContainsKey(date);

    public string? NameOf(DateOnly date) => _names.GetValueOrDefault(date);

    /// <summary>Adds a council's own closure days (configuration); a shipped name is kept.</summary>
    public BankHolidays WithExtra(IEnumerable<DateOnly> dates, string name = LocalHolidayName)
    {
        ArgumentNullException.ThrowIfNull(dates);
        return WithExtra(dates.Select(date => KeyValuePair.Create(date, name)));
    }

    /// <summary>Adds the dates of a "Date,Name" CSV file a council keeps.</summary>
    public BankHolidays WithExtraFromCsv(string path)
    {
        using var reader = File.OpenText(path);
        return WithExtra(ReadCsv(reader, path).ToList());
    }

    private BankHolidays WithExtra(IEnumerable<KeyValuePair<DateOnly, string>> extra)
    {
        var merged = new Dictionary<DateOnly, string>(_names);
        foreach (var (date, name) in extra)
        {
            merged.TryAdd(date, name);
        }

        return new BankHolidays(merged);
    }

    private static BankHolidays LoadShipped()
    {
        using var stream = typeof(BankHolidays).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The embedded resource {ResourceName} is missing from the build.");
        using var reader = new StreamReader(stream);
        return Parse(reader);
    }

    private static IEnumerable<KeyValuePair<DateOnly, string>> ReadCsv(TextReader csv, string source)
    {
        var lineNumber = 0;
        while (csv.ReadLine() is { } line)
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            // Split at the first comma only, so a name may contain commas.
            var comma = line.IndexOf(',');
            var dateText = (comma < 0 ? line : line[..comma]).Trim().Trim('"');
            var name = comma < 0 ? LocalHolidayName : line[(comma + 1)..].Trim().Trim('"');
            if (DateOnly.TryParseExact(dateText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                yield return KeyValuePair.Create(date, name.Length == 0 ? LocalHolidayName : name);
            }
            else if (lineNumber > 1)
            {
                // Only the first line may be a header; anything else unreadable is a mistake.
                throw new PmfRuleException($"Line {lineNumber} of {source} has '{dateText}', which is not a date: write dates as 2026-12-28.");
            }
        }
    }
}
