using System.Globalization;
using System.Text.RegularExpressions;

namespace PmfBot.Domain.Calendar;

/// <summary>
/// A reporting period in the UK financial year (April to March). <see cref="Year"/> is the
/// calendar year the financial year starts in: 2025 means 2025/26. Quarters run Q1 Apr-Jun to
/// Q4 Jan-Mar; months are numbered 1 (April) to 12 (March); halves H1 Apr-Sep, H2 Oct-Mar.
/// The key ("2025-26-Q2") is what is stored and what cards carry.
/// </summary>
public readonly partial record struct Period(int Year, PeriodKind Kind, int Number) : IComparable<Period>
{
    public static Period Quarter(int year, int quarter) => Create(year, PeriodKind.Quarter, quarter);

    public static Period Month(int year, int month) => Create(year, PeriodKind.Month, month);

    public static Period HalfYear(int year, int half) => Create(year, PeriodKind.HalfYear, half);

    public static Period FinancialYear(int year) => Create(year, PeriodKind.Year, 1);

    public static Period Create(int year, PeriodKind kind, int number)
    {
        if (year is < 1990 or > 2200)
        {
            throw new ArgumentOutOfRangeException(nameof(year), year, "Financial year must be between 1990 and 2200.");
        }

        if (number < 1 || number > CountIn(kind))
        {
            throw new ArgumentOutOfRangeException(nameof(number), number, $"A {kind} number must be between 1 and {CountIn(kind)}.");
        }

        return new Period(year, kind, number);
    }

    /// <summary>The quarter (or month, half, year) that contains a date.</summary>
    public static Period Containing(DateOnly date, PeriodKind kind)
    {
        var year = date.Month >= 4 ? date.Year : date.Year - 1;
        var monthIndex = (date.Month + 8) % 12 + 1; // April = 1 ... March = 12
        return kind switch
        {
            PeriodKind.Month => new Period(year, kind, monthIndex),
            PeriodKind.Quarter => new Period(year, kind, (monthIndex - 1) / 3 + 1),
            PeriodKind.HalfYear => new Period(year, kind, (monthIndex - 1) / 6 + 1),
            _ => new Period(year, PeriodKind.Year, 1),
        };
    }

    public DateOnly Start => new DateOnly(Year, 4, 1).AddMonths((Number - 1) * MonthsLong);

    public DateOnly End => Start.AddMonths(MonthsLong).AddDays(-1);

    public int MonthsLong => Kind switch
    {
        PeriodKind.Month => 1,
        PeriodKind.Quarter => 3,
        PeriodKind.HalfYear => 6,
        _ => 12,
    };

    public Period Previous() => Number > 1
        ? new Period(Year, Kind, Number - 1)
        : new Period(Year - 1, Kind, CountIn(Kind));

    public Period Next() => Number < CountIn(Kind)
        ? new Period(Year, Kind, Number + 1)
        : new Period(Year + 1, Kind, 1);

    public Period SameLastYear() => new(Year - 1, Kind, Number);

    /// <summary>The financial year this period falls in.</summary>
    public Period YearPeriod => new(Year, PeriodKind.Year, 1);

    public bool Contains(DateOnly date) => date >= Start && date <= End;

    /// <summary>"2025/26" style label used in council reports.</summary>
    public string FinancialYearLabel => $"{Year}/{(Year + 1) % 100:00}";

    /// <summary>What a person reads: "Q2 2025/26", "Oct 2025/26", "H1 2025/26", "2025/26".</summary>
    public string Label => Kind switch
    {
        PeriodKind.Quarter => $"Q{Number} {FinancialYearLabel}",
        PeriodKind.Month => $"{Start.ToString("MMM", CultureInfo.InvariantCulture)} {FinancialYearLabel}",
        PeriodKind.HalfYear => $"H{Number} {FinancialYearLabel}",
        _ => FinancialYearLabel,
    };

    /// <summary>The stored key: "2025-26-Q2", "2025-26-M07", "2025-26-H1", "2025-26".</summary>
    public string Key => Kind switch
    {
        PeriodKind.Quarter => $"{YearKey}-Q{Number}",
        PeriodKind.Month => $"{YearKey}-M{Number:00}",
        PeriodKind.HalfYear => $"{YearKey}-H{Number}",
        _ => YearKey,
    };

    private string YearKey => $"{Year}-{(Year + 1) % 100:00}";

    public override string ToString() => Key;

    public int CompareTo(Period other)
    {
        var byEnd = End.CompareTo(other.End);
        return byEnd != 0 ? byEnd : other.MonthsLong.CompareTo(MonthsLong);
    }

    public static bool TryParse(string? text, out Period period)
    {
        period = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var match = KeyPattern().Match(text.Trim());
        if (!match.Success)
        {
            return false;
        }

        var year = int.Parse(match.Groups["year"].Value, CultureInfo.InvariantCulture);
        var next = int.Parse(match.Groups["next"].Value, CultureInfo.InvariantCulture);
        if ((year + 1) % 100 != next)
        {
            return false;
        }

        var kind = match.Groups["kind"].Value.ToUpperInvariant() switch
        {
            "Q" => PeriodKind.Quarter,
            "M" => PeriodKind.Month,
            "H" => PeriodKind.HalfYear,
            _ => PeriodKind.Year,
        };
        var number = match.Groups["number"].Success
            ? int.Parse(match.Groups["number"].Value, CultureInfo.InvariantCulture)
            : 1;
        if (kind != PeriodKind.Year && !match.Groups["number"].Success)
        {
            return false;
        }

        if (year is < 1990 or > 2200 || number < 1 || number > CountIn(kind))
        {
            return false;
        }

        period = new Period(year, kind, number);
        return true;
    }

    public static Period Parse(string text) => TryParse(text, out var period)
        ? period
        : throw new FormatException($"'{text}' is not a period. Use a key such as 2025-26-Q2, 2025-26-M07, 2025-26-H1 or 2025-26.");

    private static int CountIn(PeriodKind kind) => kind switch
    {
        PeriodKind.Month => 12,
        PeriodKind.Quarter => 4,
        PeriodKind.HalfYear => 2,
        _ => 1,
    };

    [GeneratedRegex(@"^(?<year>\d{4})[-/](?<next>\d{2})(?:-(?<kind>[QMHqmh])(?<number>\d{1,2}))?$")]
    private static partial Regex KeyPattern();
}
