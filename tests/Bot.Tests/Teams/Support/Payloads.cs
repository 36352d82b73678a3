using System.Text.Json.Nodes;

namespace PmfBot.Bot.Tests.Teams.Support;

/// <summary>The Teams payloads kept as JSON files next to the activity tests.</summary>
public static class Payloads
{
    public static string Read(string name) =>
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Teams", "Activities", "Payloads", name));

    /// <summary>A payload with serviceUrl and tenant set for the bot under test.</summary>
    public static JsonObject ForBot(string name, string serviceUrl = BotApplication.ServiceUrl, string? tenantId = BotApplication.TenantId)
    {
        var json = JsonNode.Parse(Read(name))!.AsObject();
        json["serviceUrl"] = serviceUrl;
        if (tenantId is not null)
        {
            json["channelData"] ??= new JsonObject();
            json["channelData"]!["tenant"] = new JsonObject { ["id"] = tenantId };
        }

        return json;
    }
}
