using System.Globalization;
using System.Text;

namespace PmfBot.Domain.Search;

/// <summary>
/// Matches what a person types ("helth", "temp accomodation", "cpp h1") to codes and titles,
/// tolerant of case, punctuation and small typos. Scores from 0 (nothing) to 1 (exact).
/// </summary>
public static class FuzzyMatch
{
    private static readonly HashSet<string> StopWords = ["the", "of", "and", "in", "for", "to", "a", "an", "on", "with", "by", "at"];

    public static double Score(string query, string code, string title)
    {
        var q = Normalise(query);
        if (q.Length == 0)
        {
            return 0;
        }

        var normalisedCode = Normalise(code);
        if (q == normalisedCode || q.Replace(" ", "") == normalisedCode.Replace(" ", ""))
        {
            return 1;
        }

        var normalisedTitle = Normalise(title);
        if (q == normalisedTitle)
        {
            return 0.99;
        }

        var queryWords = Words(q);
        var titleWords = Words(normalisedTitle).Concat(Words(normalisedCode)).ToList();
        if (queryWords.Count == 0 || titleWords.Count == 0)
        {
            return 0;
        }

        // Every word typed should find a word of the title it is close to; the average
        // closeness is the score, so one wild word pulls a match down.
        var total = queryWords.Sum(word => titleWords.Max(candidate => WordSimilarity(word, candidate)));
        return 0.95 * total / queryWords.Count;
    }

    /// <summary>Lower case, accents and punctuation gone, single spaces.</summary>
    public static string Normalise(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            builder.Append(char.IsLetterOrDigit(c) ? char.ToLowerInvariant(c) : ' ');
        }

        return string.Join(' ', builder.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }

    private static List<string> Words(string normalised) =>
        normalised.Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(w => !StopWords.Contains(w)).ToList();

    private static double WordSimilarity(string typed, string candidate)
    {
        if (typed == candidate)
        {
            return 1;
        }

        // "temp" for "temporary", "acc" for "accommodation": a prefix of three letters or more.
        if (typed.Length >= 3 && candidate.StartsWith(typed, StringComparison.Ordinal))
        {
            return 0.9;
        }

        var distance = Distance(typed, candidate);
        var allowed = typed.Length <= 4 ? 1 : typed.Length <= 8 ? 2 : 3;
        return distance > allowed ? 0 : 1 - (double)distance / Math.Max(typed.Length, candidate.Length);
    }

    /// <summary>Optimal string alignment distance: insertions, deletions, substitutions, swaps.</summary>
    public static int Distance(string a, string b)
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
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }

        return d[a.Length, b.Length];
    }
}
