namespace PmfBot.Bot.Notices;

/// <summary>One of the council's notices, read once at start: its address, heading and text (null when the council has not configured it).</summary>
public sealed record Notice(string Path, string Title, string Setting, string? Text)
{
    public const string PrivacyPath = "/privacy";
    public const string TermsPath = "/terms";

    /// <summary>
    /// The text from <c>Notices:{Name}Text</c> or the file at <c>Notices:{Name}File</c>. Both set, a
    /// missing or empty file, or one too large stops the host at start with the setting named: a
    /// notice the Teams app links to must never be silently absent.
    /// </summary>
    public static Notice Load(string path, string title, string name, string text, string file)
    {
        var setting = $"{NoticeOptions.SectionName}:{name}";
        if (text.Trim().Length > 0 && file.Trim().Length > 0)
        {
            throw new InvalidOperationException($"{setting}Text and {setting}File are both set: set one, the text itself or the path of a file holding it.");
        }

        var found = file.Trim().Length == 0 ? text : ReadFile(file.Trim(), $"{setting}File");
        if (found.Length > NoticeOptions.MaxLength)
        {
            throw new InvalidOperationException($"{setting} is {found.Length} characters; at most {NoticeOptions.MaxLength} are served.");
        }

        return new Notice(path, title, setting, found.Trim().Length == 0 ? null : found.Trim());
    }

    /// <summary>The text's paragraphs: blocks separated by a blank line.</summary>
    public IReadOnlyList<string> Paragraphs =>
        (Text ?? "").Replace("\r\n", "\n", StringComparison.Ordinal)
            .Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static string ReadFile(string path, string setting)
    {
        if (!File.Exists(path))
        {
            throw new InvalidOperationException($"{setting} names {path}, which does not exist.");
        }

        var text = File.ReadAllText(path);
        return text.Trim().Length > 0 ? text : throw new InvalidOperationException($"{setting} names {path}, which is empty.");
    }
}
