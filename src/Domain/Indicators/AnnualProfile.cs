using System.Globalization;

namespace PmfBot.Domain.Indicators;

/// <summary>
/// How an annual target builds up over the year: cumulative percentages at the end of Q1..Q4.
/// Stored as text ("20;45;70;100") because councils type it that way in the single data list.
/// </summary>
public sealed record AnnualProfile
{
    private AnnualProfile(decimal[] cumulativePercents) => CumulativePercents = cumulativePercents;

    public IReadOnlyList<decimal> CumulativePercents { get; }

    public static AnnualProfile Of(params decimal[] cumulativePercents)
    {
        if (cumulativePercents.Length != 4)
        {
            throw new PmfRuleException("A quarterly profile needs four cumulative percentages, one for each quarter.");
        }

        for (var i = 0; i < 4; i++)
        {
            if (cumulativePercents[i] is < 0 or > 100)
            {
                throw new PmfRuleException("Each step of a quarterly profile is a percentage between 0 and 100.");
            }

            if (i > 0 && cumulativePercents[i] < cumulativePercents[i - 1])
            {
                throw new PmfRuleException("A quarterly profile is cumulative: each quarter must be at least the one before.");
            }
        }

        if (cumulativePercents[3] != 100)
        {
            throw new PmfRuleException("A quarterly profile must reach 100% by the end of Q4.");
        }

        return new AnnualProfile([.. cumulativePercents]);
    }

    public static AnnualProfile Parse(string text)
    {
        var parts = text.Split([';', ',', '/'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var values = new decimal[parts.Length];
        for (var i = 0; i < parts.Length; i++)
        {
            if (!decimal.TryParse(parts[i].TrimEnd('%'), NumberStyles.Number, CultureInfo.InvariantCulture, out values[i]))
            {
                throw new PmfRuleException($"'{parts[i]}' in the quarterly profile is not a number.");
            }
        }

        return Of(values);
    }

    public decimal ShareOf(decimal annualTarget, int quarter) =>
        Math.Round(annualTarget * CumulativePercents[quarter - 1] / 100m, 4);

    public override string ToString() =>
        string.Join(';', CumulativePercents.Select(p => p.ToString(CultureInfo.InvariantCulture)));

    public bool Equals(AnnualProfile? other) => other is not null && CumulativePercents.SequenceEqual(other.CumulativePercents);

    public override int GetHashCode() => ToString().GetHashCode(StringComparison.Ordinal);
}
