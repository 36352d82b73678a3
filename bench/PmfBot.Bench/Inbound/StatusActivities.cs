using System.Net.Http.Headers;
using System.Text;
using PmfBot.Bench.Generator;

namespace PmfBot.Bench.Inbound;

/// <summary>
/// What Teams posts to <c>/api/messages</c> when someone asks for a priority's status: the
/// <c>status.show</c> button (an <c>adaptiveCard/action</c> invoke, answered in the response) or
/// the chat message <c>status &lt;code&gt;</c> (answered through the connector), from each speaker's 1:1 chat.
/// </summary>
public sealed class StatusActivities(GeneratedCouncil council, string serviceUrl, string botTeamsId, string token)
{
    public HttpRequestMessage Invoke(string baseUrl, int number)
    {
        var speaker = council.Speakers[number % council.Speakers.Count];
        var (priorityId, _) = council.PriorityIds[number % council.PriorityIds.Count];
        var json = $$$"""
            {"type":"invoke","name":"adaptiveCard/action","id":"i-{{{number}}}","timestamp":"{{{DateTimeOffset.UtcNow:O}}}",
             "serviceUrl":"{{{serviceUrl}}}","channelId":"msteams",
             "from":{"id":"{{{speaker.TeamsUserId}}}","name":"{{{speaker.Name}}}","aadObjectId":"{{{speaker.EntraObjectId}}}"},
             "conversation":{"conversationType":"personal","tenantId":"{{{council.TenantId}}}","id":"{{{speaker.ConversationId}}}"},
             "recipient":{"id":"{{{botTeamsId}}}","name":"PmfBot"},
             "channelData":{"tenant":{"id":"{{{council.TenantId}}}"},"source":{"name":"message"}},
             "replyToId":"1:status-card","locale":"en-GB",
             "value":{"action":{"type":"Action.Execute","verb":"status.show","data":{"priorityId":"{{{priorityId}}}"}},"trigger":"manual"}}
            """;
        return Post(baseUrl, json);
    }

    /// <summary>The chat message; its id is <c>m-{number}</c>, which the bot's reply names.</summary>
    public HttpRequestMessage Message(string baseUrl, int number)
    {
        var speaker = council.Speakers[number % council.Speakers.Count];
        var (_, code) = council.PriorityIds[number % council.PriorityIds.Count];
        var json = $$$"""
            {"type":"message","id":"{{{MessageId(number)}}}","timestamp":"{{{DateTimeOffset.UtcNow:O}}}",
             "serviceUrl":"{{{serviceUrl}}}","channelId":"msteams",
             "from":{"id":"{{{speaker.TeamsUserId}}}","name":"{{{speaker.Name}}}","aadObjectId":"{{{speaker.EntraObjectId}}}"},
             "conversation":{"conversationType":"personal","tenantId":"{{{council.TenantId}}}","id":"{{{speaker.ConversationId}}}"},
             "recipient":{"id":"{{{botTeamsId}}}","name":"PmfBot"},
             "channelData":{"tenant":{"id":"{{{council.TenantId}}}"}},
             "textFormat":"plain","text":"status {{{code}}}","locale":"en-GB"}
            """;
        return Post(baseUrl, json);
    }

    public static string MessageId(int number) => $"m-{number}";

    private HttpRequestMessage Post(string baseUrl, string json)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, baseUrl + "/api/messages")
        {
            Content = new StringContent(json, Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return request;
    }
}
