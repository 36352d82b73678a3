namespace PmfBot.Domain.PlainEnglish;

/// <summary>Advice on a piece of commentary. It never stops a return being submitted.</summary>
public sealed record PlainEnglishWarning(string Code, string Message)
{
    public const string TooShort = "too-short";
    public const string TooLong = "too-long";
    public const string LongSentence = "long-sentence";
    public const string Jargon = "jargon";
    public const string Abbreviation = "abbreviation";
    public const string HardToRead = "hard-to-read";
}
