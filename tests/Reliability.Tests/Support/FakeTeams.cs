using System.Collections.Concurrent;
using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace PmfBot.Reliability.Tests.Support;

/// <summary>How the fake answers one send: a status (after a delay), and an optional Retry-After.</summary>
public sealed record TeamsReply(int Status, TimeSpan Delay = default, string? RetryAfter = null)
{
    public static readonly TeamsReply Posted = new(201);

    public bool Posts => Status is >= 200 and < 300;
}

/// <summary>
/// The Bot Connector as the bot sees Teams, on real Kestrel on 127.0.0.1: create a 1:1 chat, send
/// to a conversation, update, and Entra's token endpoint. Every send is recorded the moment it
/// arrives, with the answer the script chose: a send answered 2xx is a message posted in Teams,
/// even if the bot gave up waiting for the answer (Teams acts on what it received). That is how a
/// duplicate shows: two posted sends to one conversation.
/// </summary>
public sealed class FakeTeams : IAsyncDisposable
{
    public const string TokenPath = "/botframework.com/oauth2/v2.0/token";

    private readonly WebApplication _app;
    private int _sends;

    /// <param name="script">The answer to the n-th send (1-based, all conversations) to a conversation; null: 201 after <paramref name="latency"/>.</param>
    public FakeTeams(Func<int, string, TeamsReply>? script = null, TimeSpan latency = default, string accessToken = "fake-teams-access-token")
    {
        Script = script ?? ((_, _) => TeamsReply.Posted with { Delay = latency });
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");
        _app = builder.Build();
        _app.MapPost("/v3/conversations/{id}/activities", async (string id, HttpContext http) => await SendAsync(id, http));
        _app.MapPut("/v3/conversations/{id}/activities/{activityId}", (string activityId) => Results.Json(new { id = activityId }));
        _app.MapPost("/v3/conversations", async (HttpContext http) =>
        {
            var body = await JsonNode.ParseAsync(http.Request.Body);
            var member = body?["members"]?[0]?["id"]?.GetValue<string>() ?? "someone";
            return Results.Json(new { id = "a:" + member });
        });
        _app.MapPost(TokenPath, () => Results.Json(new { token_type = "Bearer", expires_in = 3600, ext_expires_in = 3600, access_token = accessToken }));
        _app.StartAsync().GetAwaiter().GetResult();
        Url = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
    }

    /// <summary>Swappable while running (a burst of errors, then recovery).</summary>
    public Func<int, string, TeamsReply> Script { get; set; }

    public string Url { get; }

    public string ServiceUrl => Url + "/";

    public ConcurrentQueue<(string ConversationId, TeamsReply Reply, DateTimeOffset At)> Sends { get; } = new();

    /// <summary>Messages posted in each conversation (sends answered 2xx).</summary>
    public Dictionary<string, int> Posted() =>
        Sends.Where(s => s.Reply.Posts).GroupBy(s => s.ConversationId).ToDictionary(g => g.Key, g => g.Count());

    public int PostedCount => Sends.Count(s => s.Reply.Posts);

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    private async Task<IResult> SendAsync(string conversationId, HttpContext http)
    {
        var n = Interlocked.Increment(ref _sends);
        var reply = Script(n, conversationId);
        Sends.Enqueue((conversationId, reply, DateTimeOffset.UtcNow));
        if (reply.Delay > TimeSpan.Zero)
            await Task.Delay(reply.Delay, CancellationToken.None); // Teams carries on whether or not the caller still waits.
        if (reply.RetryAfter is not null)
            http.Response.Headers.RetryAfter = reply.RetryAfter;
        return reply.Posts
            ? Results.Json(new { id = $"1:{n}" }, statusCode: reply.Status)
            : Results.Json(new { error = new { code = ((HttpStatusCode)reply.Status).ToString(), message = "fake Teams says no" } }, statusCode: reply.Status);
    }
}
