namespace PmfBot.Bot.Notices;

/// <summary>
/// <c>Notices:*</c>: the council's privacy notice and terms of use for PmfBot, served at
/// <c>/privacy</c> and <c>/terms</c> (the Teams app package links to them). Each is the text itself
/// or the path of a UTF-8 text file; unset, the address answers 404 and the package script refuses a
/// production package that points at it (docs/deployment.md).
/// </summary>
public sealed class NoticeOptions
{
    public const string SectionName = "Notices";

    /// <summary>Larger than any council's notice; a bigger file is more likely the wrong file.</summary>
    public const int MaxLength = 200_000;

    public string PrivacyText { get; set; } = "";

    public string PrivacyFile { get; set; } = "";

    public string TermsText { get; set; } = "";

    public string TermsFile { get; set; } = "";
}
