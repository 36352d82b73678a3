using System.Net;

namespace PmfBot.Bot.Teams.Configuration;

/// <summary>What can be wrong with the Bot settings, in words the council's IT can act on.</summary>
internal static class BotOptionsCheck
{
    public static IReadOnlyList<string> Problems(BotOptions options)
    {
        var failures = new List<string>();
        var hasAppId = !string.IsNullOrWhiteSpace(options.AppId);
        var hasPassword = !string.IsNullOrWhiteSpace(options.AppPassword);

        if (hasAppId && !Guid.TryParse(options.AppId, out _))
            failures.Add("Bot:AppId must be the bot's Microsoft App ID, a GUID.");
        if (hasAppId && !hasPassword)
            failures.Add("Bot:AppId is set but Bot:AppPassword is empty: set the app's client secret (Bot__AppPassword), or remove Bot:AppId to run in local mode.");
        if (!hasAppId && hasPassword)
            failures.Add("Bot:AppPassword is set but Bot:AppId is empty: set Bot:AppId, or remove Bot:AppPassword to run in local mode.");
        if (!hasAppId && !string.IsNullOrWhiteSpace(options.AppTenantId))
            failures.Add("Bot:AppTenantId is set but Bot:AppId is empty: a single-tenant bot needs its app id and password.");
        if (!string.IsNullOrWhiteSpace(options.AppTenantId) && !IsTenant(options.AppTenantId.Trim()))
            failures.Add("Bot:AppTenantId must be a tenant id (GUID) or a verified domain such as contoso.onmicrosoft.com; leave it empty for a multi-tenant bot.");

        var tenants = options.AllowedTenants ?? [];
        if (hasAppId && tenants.Length == 0)
            failures.Add("Bot:AllowedTenants is empty: list the Entra tenant id(s) whose Teams may talk to the bot (Bot__AllowedTenants__0=<tenant id>).");
        foreach (var tenant in tenants.Where(t => !Guid.TryParse(t, out _)))
            failures.Add($"Bot:AllowedTenants contains '{tenant}', which is not a tenant id (GUID).");

        CheckUrl(failures, "Bot:OpenIdMetadataUrl", options.OpenIdMetadataUrl, required: true);
        CheckUrl(failures, "Bot:TokenEndpoint", options.TokenEndpoint, required: false);

        if (options.MaxRequestBodyBytes is < 1024 or > 4 * 1024 * 1024)
            failures.Add("Bot:MaxRequestBodyBytes must be between 1024 and 4194304.");
        if (options.InvokeTimeout <= TimeSpan.Zero)
            failures.Add("Bot:InvokeTimeout must be positive.");
        if (options.SigningKeysMinimumRefreshInterval < TimeSpan.Zero || options.SigningKeysRefreshInterval <= TimeSpan.Zero)
            failures.Add("Bot:SigningKeysRefreshInterval must be positive and Bot:SigningKeysMinimumRefreshInterval not negative.");
        if (options.Queue.Capacity < 1 || options.Queue.Workers < 1 || options.Queue.EnqueueTimeout < TimeSpan.Zero)
            failures.Add("Bot:Queue:Capacity and Bot:Queue:Workers must be at least 1 and Bot:Queue:EnqueueTimeout not negative.");

        var connector = options.Connector;
        if (connector.MaxRetryAttempts < 0)
            failures.Add("Bot:Connector:MaxRetryAttempts must not be negative.");
        if (connector.RetryBaseDelay <= TimeSpan.Zero || connector.RetryMaxDelay < connector.RetryBaseDelay)
            failures.Add("Bot:Connector:RetryBaseDelay must be positive and not above Bot:Connector:RetryMaxDelay.");
        if (connector.AttemptTimeout <= TimeSpan.Zero || connector.TotalTimeout < connector.AttemptTimeout)
            failures.Add("Bot:Connector:AttemptTimeout must be positive and not above Bot:Connector:TotalTimeout.");
        if (connector.MaxRetryAfter < TimeSpan.Zero)
            failures.Add("Bot:Connector:MaxRetryAfter must not be negative.");
        if (connector.GlobalPermitsPerSecond < 1 || connector.RateLimitQueueLimit < 0)
            failures.Add("Bot:Connector:GlobalPermitsPerSecond must be at least 1 and Bot:Connector:RateLimitQueueLimit not negative.");
        if (connector.EffectivePerConversationLimits.Any(w => w.Permits < 1 || w.Window <= TimeSpan.Zero))
            failures.Add("Bot:Connector:PerConversationLimits: each window needs Permits of at least 1 and a positive Window.");
        if (connector.TokenRefreshMargin < TimeSpan.Zero)
            failures.Add("Bot:Connector:TokenRefreshMargin must not be negative.");

        return failures;
    }

    /// <summary>https, or plain http on a loopback address (test fakes only).</summary>
    private static void CheckUrl(List<string> failures, string key, string? value, bool required)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            if (required)
                failures.Add($"{key} is empty.");
            return;
        }

        if (!Uri.TryCreate(value.Trim(), UriKind.Absolute, out var uri))
            failures.Add($"{key} must be an absolute URL.");
        else if (uri.Scheme != Uri.UriSchemeHttps && !(uri.Scheme == Uri.UriSchemeHttp && IsLoopback(uri)))
            failures.Add($"{key} must use https (plain http is allowed only on a loopback address).");
    }

    internal static bool IsLoopback(Uri uri) =>
        uri.IsLoopback || (IPAddress.TryParse(uri.Host.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip));

    private static bool IsTenant(string value) =>
        Guid.TryParse(value, out _) ||
        (value.Contains('.') && value.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-'));
}
