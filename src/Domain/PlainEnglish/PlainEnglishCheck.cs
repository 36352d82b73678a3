using System.Globalization;
using System.Text.RegularExpressions;

namespace PmfBot.Domain.PlainEnglish;

/// <summary>
/// Checks return commentary for plain English: length, long sentences, jargon and
/// abbreviations, and reading ease. Warns only; the owner decides.
/// </summary>
public sealed class PlainEnglishCheck
{
    private static readonly TimeSpan MatchTimeout = TimeSpan.FromMilliseconds(200);

    private readonly PlainEnglishOptions _options;
    private readonly IReadOnlyList<GlossaryTerm> _terms;

    public PlainEnglishCheck(PlainEnglishOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = options.Problems();
        if (problems.Count > 0)
        {
            throw new PmfRuleException("The plain-English settings are not usable: " + string.Join(" ", problems));
        }

        _options = options;
        _terms = options.Glossary
            .Where(entry => !string.IsNullOrWhiteSpace(entry.Key) && !string.IsNullOrWhiteSpace(entry.Value))
            .Select(entry => GlossaryTerm.Create(entry.Key.Trim(), entry.Value.Trim()))
            .ToList();
    }

    public IReadOnlyList<PlainEnglishWarning> Check(string? commentary)
    {
        var text = commentary?.Trim() ?? string.Empty;
        var warnings = new List<PlainEnglishWarning>();

        if (text.Length < _options.MinCharacters)
        {
            warnings.Add(new(PlainEnglishWarning.TooShort, text.Length == 0
                ? "There is no commentary: say in a sentence or two what lies behind the figure and what happens next."
                : $"The commentary is {Count(text.Length)} characters: write at least {Count(_options.MinCharacters)} so readers know what lies behind the figure."));
        }
        else if (text.Length > _options.MaxCharacters)
        {
            warnings.Add(new(PlainEnglishWarning.TooLong,
                $"The commentary is {Count(text.Length)} characters: keep it to {Count(_options.MaxCharacters)} so it fits on the card and gets read."));
        }

        var sentences = Readability.Sentences(text);
        foreach (var sentence in sentences.Where(s => s.Words.Count > _options.MaxWordsPerSentence))
        {
            warnings.Add(new(PlainEnglishWarning.LongSentence,
                $"The sentence starting '{Opening(sentence)}' has {sentence.Words.Count} words: try splitting it (aim for {_options.MaxWordsPerSentence} or fewer)."));
        }

        foreach (var term in _terms)
        {
            if (term.Pattern.Match(text) is { Success: true } found)
            {
                warnings.Add(term.IsAbbreviation
                    ? new(PlainEnglishWarning.Abbreviation, $"'{found.Value}' is an abbreviation some readers will not know: try '{term.Alternative}'")
                    : new(PlainEnglishWarning.Jargon, $"'{found.Value}' is jargon: try '{term.Alternative}'"));
            }
        }

        if (sentences.Sum(s => s.Words.Count) >= _options.MinWordsForReadingEase
            && Readability.FleschReadingEase(text) is { } ease
            && ease < _options.MinReadingEase)
        {
            warnings.Add(new(PlainEnglishWarning.HardToRead,
                $"This is hard to read (reading ease {ease.ToString("0", CultureInfo.InvariantCulture)}; aim for {_options.MinReadingEase.ToString("0", CultureInfo.InvariantCulture)} or more): use shorter sentences and everyday words."));
        }

        return warnings;
    }

    private static string Count(int n) => n.ToString("#,0", CultureInfo.InvariantCulture);

    private static string Opening(Sentence sentence) =>
        string.Join(' ', sentence.Words.Take(6)) + (sentence.Words.Count > 6 ? "..." : string.Empty);

    private sealed record GlossaryTerm(Regex Pattern, string Alternative, bool IsAbbreviation)
    {
        public static GlossaryTerm Create(string term, string alternative)
        {
            // Whole words only, any spacing between words, a plural s allowed (KPIs).
            var words = term.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(Regex.Escape);
            var pattern = @"(?<![\p{L}\p{N}])" + string.Join(@"\s+", words) + @"s?(?![\p{L}\p{N}])";
            var hasCapital = term.Any(char.IsUpper);
            var options = RegexOptions.CultureInvariant | (hasCapital ? RegexOptions.None : RegexOptions.IgnoreCase);
            var isAbbreviation = hasCapital && !term.Contains(' ', StringComparison.Ordinal);
            return new GlossaryTerm(new Regex(pattern, options, MatchTimeout), alternative, isAbbreviation);
        }
    }
}
