namespace PmfBot.Domain.PlainEnglish;

/// <summary>Settings for the commentary check; bound from configuration, so plain properties.</summary>
public sealed class PlainEnglishOptions : Settings.ISettings
{
    public int MinCharacters { get; set; } = 50;

    /// <summary>About a card's worth; scrutiny reads exceptions, not essays.</summary>
    public int MaxCharacters { get; set; } = 1500;

    public int MaxWordsPerSentence { get; set; } = 25;

    /// <summary>Flesch reading ease below this warns (60 to 70 is plain English; 50 is "fairly difficult").</summary>
    public double MinReadingEase { get; set; } = 50;

    /// <summary>Below this many words the Flesch score says little, so it is not checked.</summary>
    public int MinWordsForReadingEase { get; set; } = 20;

    /// <summary>
    /// Term to plain alternative. Configuration adds to the default list; giving a default term
    /// an empty alternative switches it off.
    /// </summary>
    public Dictionary<string, string> Glossary { get; set; } = PlainEnglishGlossary.Default();

    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (MinCharacters < 0 || MaxCharacters < 1 || MinCharacters > MaxCharacters)
        {
            problems.Add($"The commentary length limits do not make sense (at least {MinCharacters}, at most {MaxCharacters} characters).");
        }

        if (MaxWordsPerSentence < 1)
        {
            problems.Add("The longest allowed sentence must be at least 1 word.");
        }

        return problems;
    }
}
