using System.Text.RegularExpressions;

namespace PmfBot.Domain.PlainEnglish;

/// <summary>
/// Flesch reading ease and the counts behind it. The syllable count is a heuristic for
/// English (vowel groups with the usual silent-letter corrections): right for most words,
/// close enough for a warning that never blocks.
/// </summary>
public static partial class Readability
{
    /// <summary>206.835 - 1.015 x words per sentence - 84.6 x syllables per word; null without words.</summary>
    public static double? FleschReadingEase(string? text)
    {
        var sentences = Sentences(text);
        var words = sentences.SelectMany(sentence => sentence.Words).ToList();
        if (words.Count == 0)
        {
            return null;
        }

        var syllables = words.Sum(Syllables);
        return 206.835
            - (1.015 * words.Count / sentences.Count)
            - (84.6 * syllables / words.Count);
    }

    /// <summary>Sentences end at . ! or ? before a space, or at a line break (bullet lists).</summary>
    public static IReadOnlyList<Sentence> Sentences(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return [];
        }

        return SentenceBreak().Split(text)
            .Select(part => new Sentence(part.Trim(), [.. WordPattern().Matches(part).Select(match => match.Value)]))
            .Where(sentence => sentence.Words.Count > 0)
            .ToList();
    }

    public static int Syllables(string word)
    {
        var w = NonLetters().Replace(word.ToLowerInvariant(), string.Empty);
        if (w.Length == 0)
        {
            return 1; // a number or symbol reads as a short word
        }

        if (w.Length <= 3)
        {
            return 1;
        }

        var count = VowelGroups().Count(w);

        // Silent final e (make, performance), but not consonant + le (table, people) or ee (free).
        if (w.EndsWith('e') && !IsVowel(w[^2]) && !(w.EndsWith("le", StringComparison.Ordinal) && !IsVowel(w[^3])))
        {
            count--;
        }

        // Silent e in -es (times) and -ed (walked, improved), but sounded after s, x, z, c, g
        // (places, changes, boxes) or t, d (wanted, needed).
        if (w.EndsWith("es", StringComparison.Ordinal) && !IsVowel(w[^3]) && "sxzcgh".IndexOf(w[^3]) < 0)
        {
            count--;
        }
        else if (w.EndsWith("ed", StringComparison.Ordinal) && !IsVowel(w[^3]) && w[^3] is not ('t' or 'd'))
        {
            count--;
        }

        // Silent e before a suffix: management, completely (but element, settlement).
        if (SilentSuffixE().IsMatch(w))
        {
            count--;
        }

        // Two vowels sounded apart: media, actual, period, going.
        count += SplitVowels().Count(w);
        if (w.EndsWith("ing", StringComparison.Ordinal) && w.Length > 4 && IsVowel(w[^4]))
        {
            count++;
        }

        return Math.Max(1, count);
    }

    private static bool IsVowel(char c) => c is 'a' or 'e' or 'i' or 'o' or 'u' or 'y';

    [GeneratedRegex(@"(?<=[.!?])\s+|[\r\n]+")]
    private static partial Regex SentenceBreak();

    // A word may hold an apostrophe or hyphen (council's, cross-cutting); a number its point (92.5, 1,250).
    [GeneratedRegex(@"[\p{L}\p{N}]+(?:(?:['’\-]|(?<=\d)[.,](?=\d))[\p{L}\p{N}]+)*")]
    private static partial Regex WordPattern();

    [GeneratedRegex(@"[^a-z]")]
    private static partial Regex NonLetters();

    [GeneratedRegex(@"[aeiouy]+")]
    private static partial Regex VowelGroups();

    [GeneratedRegex(@"[^aeiouyl]e(?:ments?|ly|ful|less|ness)$")]
    private static partial Regex SilentSuffixE();

    [GeneratedRegex(@"(?<![ctsx])ia|(?<![qg])u[ao]|(?<![ctsx])io(?!ns?$)")]
    private static partial Regex SplitVowels();
}

/// <summary>One sentence and its words, as the checks count them.</summary>
public sealed record Sentence(string Text, IReadOnlyList<string> Words);
