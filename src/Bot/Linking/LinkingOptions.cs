namespace PmfBot.Bot.Linking;

/// <summary>Linking people to their Teams accounts (section <c>Linking</c>).</summary>
public sealed class LinkingOptions : PmfBot.Domain.Settings.ISettings
{
    public const string Section = "Linking";

    /// <summary>
    /// Whom to ask when PmfBot does not know someone and the single data list names nobody in the
    /// performance team (or to say more than their names): a team mailbox, a phone number.
    /// </summary>
    public string PerformanceTeamContact { get; set; } = "the council's corporate performance team";

    /// <summary>
    /// How long a Teams account that could not be linked (no match, another tenant, already linked
    /// elsewhere) is answered from memory before Teams is asked about it again.
    /// </summary>
    public TimeSpan RetryLookupAfter { get; set; } = TimeSpan.FromMinutes(10);

    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(PerformanceTeamContact))
        {
            problems.Add("PerformanceTeamContact is empty: say whom people should ask (e.g. the performance team's mailbox).");
        }

        if (RetryLookupAfter < TimeSpan.Zero)
        {
            problems.Add("RetryLookupAfter must not be negative.");
        }

        return problems;
    }
}
