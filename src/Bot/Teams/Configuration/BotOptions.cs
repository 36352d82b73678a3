namespace PmfBot.Bot.Teams.Configuration;

/// <summary>
/// The <c>Bot</c> configuration section. Environment variables use <c>__</c>: <c>Bot__AppId</c>.
/// With no <see cref="AppId"/> the bot runs in local mode (Agents Playground): no inbound token
/// is checked, no outbound token is sent, and the host may listen on loopback only.
/// The playground itself is only ever started with telemetry off:
/// <c>APPLICATION_INSIGHTS_NO_STATSBEAT=1 TEAMSAPPTESTER_BROWSER=none npx agentsplayground ... --disable-telemetry</c>.
/// </summary>
public sealed class BotOptions : PmfBot.Domain.Settings.ISettings
{
    /// <summary>Checked at start: a bad combination stops the host with these messages (<see cref="BotOptionsCheck"/>).</summary>
    public IReadOnlyList<string> Problems() => BotOptionsCheck.Problems(this);

    public const string SectionName = "Bot";

    /// <summary>The Bot Connector's OpenID metadata (Bot Connector authentication doc, "Connector to Bot").</summary>
    public const string BotConnectorOpenIdMetadataUrl = "https://login.botframework.com/v1/.well-known/openidconfiguration";

    /// <summary>The bot's Microsoft App ID (Entra application id, a GUID). Empty: local mode.</summary>
    public string? AppId { get; set; }

    /// <summary>The client secret of <see cref="AppId"/>. Never logged.</summary>
    public string? AppPassword { get; set; }

    /// <summary>The app's home tenant for a single-tenant bot; empty for a multi-tenant bot (tokens from botframework.com).</summary>
    public string? AppTenantId { get; set; }

    public string OpenIdMetadataUrl { get; set; } = BotConnectorOpenIdMetadataUrl;

    /// <summary>
    /// Entra tenant ids whose activities are accepted. Required when <see cref="AppId"/> is set.
    /// In local mode an empty list accepts any tenant.
    /// </summary>
    public string[]? AllowedTenants { get; set; }

    /// <summary>
    /// Client-credentials token endpoint. Empty: <c>https://login.microsoftonline.com/{AppTenantId or botframework.com}/oauth2/v2.0/token</c>.
    /// Tests point it at a local fake.
    /// </summary>
    public string? TokenEndpoint { get; set; }

    /// <summary>Largest accepted <c>/api/messages</c> body. Teams activities are a few KB; cards in invokes stay under 28 KB.</summary>
    public int MaxRequestBodyBytes { get; set; } = 256 * 1024;

    /// <summary>How long an invoke handler may take before the bot answers with an error (Teams waits a few seconds).</summary>
    public TimeSpan InvokeTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Minimum time between two signing-key refreshes caused by an unknown key id.</summary>
    public TimeSpan SigningKeysMinimumRefreshInterval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Signing keys are refetched after this long even without an unknown key id (the SDK caches for days).</summary>
    public TimeSpan SigningKeysRefreshInterval { get; set; } = TimeSpan.FromHours(24);

    public ActivityQueueOptions Queue { get; set; } = new();

    public ConnectorOptions Connector { get; set; } = new();

    public bool IsLocalMode => string.IsNullOrWhiteSpace(AppId);

    /// <summary>The token endpoint actually used: <see cref="TokenEndpoint"/> or Entra's for the app's tenant.</summary>
    public Uri EffectiveTokenEndpoint => string.IsNullOrWhiteSpace(TokenEndpoint)
        ? new Uri($"https://login.microsoftonline.com/{(string.IsNullOrWhiteSpace(AppTenantId) ? "botframework.com" : AppTenantId.Trim())}/oauth2/v2.0/token")
        : new Uri(TokenEndpoint.Trim());
}

/// <summary>The bounded queue between <c>/api/messages</c> and the handlers of non-invoke activities.</summary>
public sealed class ActivityQueueOptions
{
    public int Capacity { get; set; } = 1000;

    /// <summary>Activities handled at once.</summary>
    public int Workers { get; set; } = 4;

    /// <summary>How long a request waits for room in a full queue before the bot answers 503.</summary>
    public TimeSpan EnqueueTimeout { get; set; } = TimeSpan.FromSeconds(2);
}

/// <summary>Outbound Bot Connector calls: retries, timeouts and Teams' rate limits.</summary>
public sealed class ConnectorOptions
{
    /// <summary>Teams' published per bot per thread limits for sends and creates (rate-limit doc).</summary>
    public static readonly RateWindow[] TeamsPerConversationLimits =
    [
        new() { Permits = 7, Window = TimeSpan.FromSeconds(1) },
        new() { Permits = 8, Window = TimeSpan.FromSeconds(2) },
        new() { Permits = 60, Window = TimeSpan.FromSeconds(30) },
        new() { Permits = 1800, Window = TimeSpan.FromHours(1) },
    ];

    public int MaxRetryAttempts { get; set; } = 4;

    /// <summary>First backoff delay; doubled each attempt, with jitter.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>A longer <c>Retry-After</c> is not waited for: the call fails and its caller (the outbox) tries later.</summary>
    public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromSeconds(60);

    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(30);

    public TimeSpan TotalTimeout { get; set; } = TimeSpan.FromMinutes(3);

    /// <summary>Send limits per conversation. Empty: <see cref="TeamsPerConversationLimits"/>.</summary>
    public RateWindow[]? PerConversationLimits { get; set; }

    /// <summary>All connector requests of this app, per second (Teams: about 30 to 50 per app per tenant).</summary>
    public int GlobalPermitsPerSecond { get; set; } = 30;

    /// <summary>Requests allowed to wait for a permit before the limiter refuses more.</summary>
    public int RateLimitQueueLimit { get; set; } = 10_000;

    /// <summary>A cached token is renewed this long before it expires.</summary>
    public TimeSpan TokenRefreshMargin { get; set; } = TimeSpan.FromMinutes(5);

    public IReadOnlyList<RateWindow> EffectivePerConversationLimits =>
        PerConversationLimits is { Length: > 0 } limits ? limits : TeamsPerConversationLimits;
}

public sealed class RateWindow
{
    public int Permits { get; set; }

    public TimeSpan Window { get; set; }
}
