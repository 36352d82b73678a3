using PmfBot.Domain.Settings;

namespace PmfBot.Bot.Notices;

/// <summary>
/// <c>Notices:*</c>: the council's privacy notice and terms of use for PmfBot, served at
/// <c>/privacy</c> and <c>/terms</c> (the Teams app package links to them). Each is the text itself
/// or the path of a UTF-8 text file; unset, the address answers 404 and the package script refuses a
/// production package that points at it (docs/deployment.md). A notice the app links to must never
/// be silently absent, so both set, or a missing or empty file, stops the start.
/// </summary>
public sealed class NoticeOptions : ISettings
{
    public const string SectionName = "Notices";

    /// <summary>Larger than any council's notice; a bigger file is more likely the wrong file.</summary>
    public const int MaxLength = 200_000;

    public string PrivacyText { get; set; } = "";

    public string PrivacyFile { get; set; } = "";

    public string TermsText { get; set; } = "";

    public string TermsFile { get; set; } = "";

    public IReadOnlyList<string> Problems() =>
        [.. ProblemsOf("Privacy", PrivacyText, PrivacyFile), .. ProblemsOf("Terms", TermsText, TermsFile)];

    /// <summary>The notices as served: read from their files now (the start has checked them).</summary>
    public IReadOnlyList<Notice> Load() =>
    [
        new(Notice.PrivacyPath, "Privacy notice", $"{SectionName}:Privacy", TextOf(PrivacyText, PrivacyFile)),
        new(Notice.TermsPath, "Terms of use", $"{SectionName}:Terms", TextOf(TermsText, TermsFile)),
    ];

    private static string? TextOf(string text, string file)
    {
        var found = (file.Trim().Length > 0 ? File.ReadAllText(file.Trim()) : text).Trim();
        return found.Length == 0 ? null : found;
    }

    private static IEnumerable<string> ProblemsOf(string name, string text, string file)
    {
        var path = file.Trim();
        if (text.Trim().Length > 0 && path.Length > 0)
        {
            yield return $"{SectionName}:{name}Text and {SectionName}:{name}File are both set: set one, the text itself or the path of a file holding it.";
            yield break;
        }

        if (path.Length > 0 && !File.Exists(path))
        {
            yield return $"{SectionName}:{name}File names {path}, which does not exist.";
            yield break;
        }

        var length = path.Length > 0 ? new FileInfo(path).Length : text.Length;
        if (path.Length > 0 && File.ReadAllText(path).Trim().Length == 0)
        {
            yield return $"{SectionName}:{name}File names {path}, which is empty.";
        }
        else if (length > MaxLength)
        {
            yield return $"{SectionName}:{name} is {length} characters; at most {MaxLength} are served.";
        }
    }
}
