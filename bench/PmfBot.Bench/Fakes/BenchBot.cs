using System.Globalization;
using PmfBot.Bench.Generator;

namespace PmfBot.Bench.Fakes;

/// <summary>The bot's identity in the benchmarks, and the settings that point it at <see cref="BotFrameworkFake"/>.</summary>
public static class BenchBot
{
    public const string AppId = "3f0c8a2e-5b71-4d9a-8e36-1c2b4a6d8f90";
    public const string AppPassword = "bench-secret";

    /// <param name="globalPermitsPerSecond">Bot:Connector:GlobalPermitsPerSecond, the bot's own global rate.</param>
    public static Dictionary<string, string?> Settings(BotFrameworkFake teams, int globalPermitsPerSecond) => new()
    {
        ["Bot:AppId"] = AppId,
        ["Bot:AppPassword"] = AppPassword,
        ["Bot:AllowedTenants:0"] = BenchIds.TenantId,
        ["Bot:OpenIdMetadataUrl"] = teams.MetadataUrl,
        ["Bot:TokenEndpoint"] = teams.TokenUrl,
        ["Bot:Connector:GlobalPermitsPerSecond"] = globalPermitsPerSecond.ToString(CultureInfo.InvariantCulture),
    };
}
