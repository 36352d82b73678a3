namespace PmfBot.Bot.Cards;

/// <summary>An eight-character sparkline (▁▂▃▄▅▆▇█), oldest first; a missing value is a space.</summary>
public static class TextTrend
{
    private const string Blocks = "▁▂▃▄▅▆▇█";

    public static string Of(IReadOnlyList<decimal?> values)
    {
        var present = values.Where(v => v is not null).Select(v => v!.Value).ToList();
        if (present.Count == 0)
        {
            return new string(' ', values.Count);
        }

        var (low, high) = (present.Min(), present.Max());
        return string.Concat(values.Select(v => v is not { } value
            ? ' '
            : high == low ? Blocks[3] : Blocks[(int)Math.Round((value - low) / (high - low) * (Blocks.Length - 1))]));
    }
}
