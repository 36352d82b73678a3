namespace PmfBot.Bot.Notices;

/// <summary>One of the council's notices, read once at start: its address, heading, setting and text (null when the council has not configured it).</summary>
public sealed record Notice(string Path, string Title, string Setting, string? Text)
{
    public const string PrivacyPath = "/privacy";
    public const string TermsPath = "/terms";

    /// <summary>The text's paragraphs: blocks separated by a blank line.</summary>
    public IReadOnlyList<string> Paragraphs =>
        (Text ?? "").Replace("\r\n", "\n", StringComparison.Ordinal)
            .Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
