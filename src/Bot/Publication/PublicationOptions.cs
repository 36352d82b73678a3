namespace PmfBot.Bot.Publication;

/// <summary>
/// <c>Publication:*</c>: the read-only scorecard pages. Off unless a council switches them on,
/// because anyone who can reach the host can read them (docs/publication.md).
/// </summary>
public sealed class PublicationOptions : PmfBot.Domain.Settings.ISettings
{
    public const string SectionName = "Publication";

    public const int MaxCouncilNameLength = 120;

    public bool Enabled { get; set; }

    /// <summary>Shown above every page's heading ("Northbridge City Council"); empty for none.</summary>
    public string CouncilName { get; set; } = "";

    public bool HasValidCouncilName => CouncilName.Length <= MaxCouncilNameLength && !CouncilName.Any(char.IsControl);

    public IReadOnlyList<string> Problems() =>
        HasValidCouncilName ? [] : [$"Publication:CouncilName must be one line of at most {MaxCouncilNameLength} characters."];
}
