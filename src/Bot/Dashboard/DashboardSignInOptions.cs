namespace PmfBot.Bot.Dashboard;

/// <summary>
/// Sign-in to the scheduler dashboard with the council's Entra ID, section `Dashboard:SignIn`. Off until
/// both <see cref="TenantId"/> and <see cref="ClientId"/> are set.
/// </summary>
public sealed class DashboardSignInOptions : PmfBot.Domain.Settings.ISettings
{
    public const string Section = "Dashboard:SignIn";

    /// <summary>The council's Entra tenant id (a GUID): only its people can sign in.</summary>
    public string? TenantId { get; set; }

    /// <summary>The application (client) id of the app registration holding the redirect URI; the bot's own will do.</summary>
    public string? ClientId { get; set; }

    /// <summary>
    /// That registration's client secret, to redeem the sign-in code. Empty with <see cref="ClientId"/> equal to
    /// `Bot:AppId`: the bot's secret (`Bot:AppPassword`) is used.
    /// </summary>
    public string? ClientSecret { get; set; }

    /// <summary>Entra's sign-in address (another cloud, e.g. https://login.microsoftonline.us/, for a government tenant).</summary>
    public string Instance { get; set; } = "https://login.microsoftonline.com/";

    /// <summary>Where Entra sends people back to: register https://&lt;host&gt;/signin-oidc as a Web redirect URI.</summary>
    public string CallbackPath { get; set; } = "/signin-oidc";

    /// <summary>How long a sign-in lasts before Entra is asked again.</summary>
    public TimeSpan SessionLength { get; set; } = TimeSpan.FromHours(8);

    public bool IsConfigured => !string.IsNullOrWhiteSpace(TenantId) || !string.IsNullOrWhiteSpace(ClientId);

    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (!IsConfigured)
        {
            return problems;
        }

        if (!Guid.TryParse(TenantId, out _))
        {
            problems.Add("Dashboard:SignIn:TenantId must be the council's Entra tenant id (a GUID).");
        }

        if (!Guid.TryParse(ClientId, out _))
        {
            problems.Add("Dashboard:SignIn:ClientId must be an Entra application (client) id (a GUID).");
        }

        if (string.IsNullOrWhiteSpace(ClientSecret))
        {
            problems.Add("Dashboard:SignIn:ClientSecret is required (or use the bot's registration: ClientId equal to Bot:AppId takes Bot:AppPassword).");
        }

        if (!Uri.TryCreate(Instance, UriKind.Absolute, out var instance) || instance.Scheme != Uri.UriSchemeHttps)
        {
            problems.Add("Dashboard:SignIn:Instance must be an https address.");
        }

        if (!CallbackPath.StartsWith('/'))
        {
            problems.Add("Dashboard:SignIn:CallbackPath must start with '/'.");
        }

        if (SessionLength <= TimeSpan.Zero)
        {
            problems.Add("Dashboard:SignIn:SessionLength must be positive.");
        }

        return problems;
    }
}
