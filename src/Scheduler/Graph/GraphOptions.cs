namespace PmfBot.Scheduler.Graph;

/// <summary>Microsoft Graph settings (section `Graph`). Without a tenant, client id and secret there is no directory.</summary>
public sealed class GraphOptions : PmfBot.Domain.Settings.ISettings
{
    public const string Section = "Graph";

    public string? TenantId { get; set; }

    public string? ClientId { get; set; }

    public string? ClientSecret { get; set; }

    /// <summary>The Graph endpoint; tests point it at a local fake.</summary>
    public string BaseUrl { get; set; } = "https://graph.microsoft.com/v1.0";

    /// <summary>Install the Teams app for a person PmfBot cannot message because they never installed it.</summary>
    public bool InstallAppForUsers { get; set; }

    /// <summary>The Teams app's id in the organisation's app catalogue (needed to install it).</summary>
    public string? TeamsAppId { get; set; }

    /// <summary>How long a lookup is remembered.</summary>
    public TimeSpan CacheFor { get; set; } = TimeSpan.FromHours(1);

    public bool IsConfigured =>
        !string.IsNullOrWhiteSpace(TenantId) && !string.IsNullOrWhiteSpace(ClientId) && !string.IsNullOrWhiteSpace(ClientSecret);

    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        var given = new[] { TenantId, ClientId, ClientSecret }.Count(v => !string.IsNullOrWhiteSpace(v));
        if (given is > 0 and < 3)
        {
            problems.Add("TenantId, ClientId and ClientSecret go together: set all three to use Microsoft Graph, or none.");
        }

        if (!Uri.TryCreate(BaseUrl, UriKind.Absolute, out _))
        {
            problems.Add("BaseUrl must be an absolute address (https://graph.microsoft.com/v1.0).");
        }

        if (InstallAppForUsers && string.IsNullOrWhiteSpace(TeamsAppId))
        {
            problems.Add("InstallAppForUsers needs TeamsAppId, the id of PmfBot's app in the council's Teams app catalogue.");
        }

        if (CacheFor < TimeSpan.Zero)
        {
            problems.Add("CacheFor must not be negative.");
        }

        return problems;
    }
}
