using PmfBot.Bot.Teams.Configuration;
using PmfBot.Domain.Settings;

namespace PmfBot.Bot.Tabs;

/// <summary>
/// The tabs, section `Tabs` (docs/tabs.md). Off until <see cref="Domain"/> is set: the personal, channel and
/// meeting tabs are then served under /tabs, signed in with Teams single sign-on.
/// </summary>
public sealed class TabsOptions : ISettings
{
    public const string Section = "Tabs";

    public const string Scope = "access_as_user";

    /// <summary>The host name Teams reaches PmfBot at (`PMFBOT_DOMAIN` of the app package), e.g. pmfbot.council.gov.uk.</summary>
    public string? Domain { get; set; }

    /// <summary>
    /// The Entra application whose Application ID URI is api://&lt;Domain&gt;/&lt;ClientId&gt;: the manifest's
    /// webApplicationInfo.id. Empty: `Graph:ClientId`, then `Bot:AppId`, as the packaging script fills the manifest.
    /// </summary>
    public string? ClientId { get; set; }

    /// <summary>Entra tenant ids whose people may open the tabs. Empty: `Bot:AllowedTenants`.</summary>
    public string[]? AllowedTenants { get; set; }

    /// <summary>Entra's sign-in address (another cloud, e.g. https://login.microsoftonline.us/, for a government tenant).</summary>
    public string Instance { get; set; } = "https://login.microsoftonline.com/";

    /// <summary>Where Entra publishes its signing keys. Empty: Entra's organizations v2.0 metadata (tests use a local one).</summary>
    public string? MetadataAddress { get; set; }

    public bool IsEnabled => !string.IsNullOrWhiteSpace(Domain);

    /// <summary>The audiences a Teams token for the tabs carries: the Application ID URI (v1 tokens) or the client id (v2 tokens).</summary>
    public IReadOnlyList<string> Audiences => [$"api://{Domain?.Trim()}/{ClientId?.Trim()}", ClientId?.Trim() ?? ""];

    public string EffectiveMetadataAddress => string.IsNullOrWhiteSpace(MetadataAddress)
        ? $"{Instance.TrimEnd('/')}/organizations/v2.0/.well-known/openid-configuration"
        : MetadataAddress.Trim();

    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (!IsEnabled)
        {
            return problems;
        }

        var domain = Domain!.Trim();
        if (Uri.CheckHostName(domain) is not (UriHostNameType.Dns or UriHostNameType.IPv4) || domain.Contains('/'))
        {
            problems.Add("Tabs:Domain must be the host name alone, e.g. pmfbot.council.gov.uk (no https://, no port, no path).");
        }

        if (!Guid.TryParse(ClientId, out _))
        {
            problems.Add("Tabs:ClientId (or Graph:ClientId, or Bot:AppId) must be the Entra application (client) id in the manifest's webApplicationInfo.");
        }

        if (AllowedTenants is not { Length: > 0 } || AllowedTenants.Any(t => !Guid.TryParse(t, out _)))
        {
            problems.Add("Tabs:AllowedTenants (or Bot:AllowedTenants) must list the Entra tenant ids whose people may open the tabs.");
        }

        if (!Uri.TryCreate(Instance, UriKind.Absolute, out var instance) || instance.Scheme != Uri.UriSchemeHttps)
        {
            problems.Add("Tabs:Instance must be an https address.");
        }

        if (!Uri.TryCreate(EffectiveMetadataAddress, UriKind.Absolute, out var metadata)
            || !(metadata.Scheme == Uri.UriSchemeHttps || (metadata.Scheme == Uri.UriSchemeHttp && BotOptionsCheck.IsLoopback(metadata))))
        {
            problems.Add("Tabs:MetadataAddress must use https (plain http is allowed only on a loopback address).");
        }

        return problems;
    }

    public bool AllowsTenant(string? tenantId) =>
        tenantId is not null && (AllowedTenants ?? []).Any(t => string.Equals(t.Trim(), tenantId.Trim(), StringComparison.OrdinalIgnoreCase));

    /// <summary>Fills what is left empty from the bot's and Graph's settings, as the packaging script fills the manifest.</summary>
    public void FillFrom(IConfiguration configuration)
    {
        if (string.IsNullOrWhiteSpace(ClientId))
        {
            ClientId = new[] { configuration["Graph:ClientId"], configuration["Bot:AppId"] }.FirstOrDefault(v => !string.IsNullOrWhiteSpace(v));
        }

        if (AllowedTenants is not { Length: > 0 })
        {
            AllowedTenants = configuration.GetSection("Bot:AllowedTenants").Get<string[]>();
        }
    }
}
