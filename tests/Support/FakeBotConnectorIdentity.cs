using System.Text.Json.Nodes;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;
using WireMock.Settings;

namespace PmfBot.Tests.Support;

/// <summary>
/// The Bot Connector's OpenID metadata and key set, served over real HTTP on 127.0.0.1 by WireMock.Net,
/// so the bot's own metadata fetch path runs in tests.
/// </summary>
public sealed class FakeBotConnectorIdentity : IDisposable
{
    public const string MetadataPath = "/v1/.well-known/openidconfiguration";
    public const string KeysPath = "/v1/.well-known/keys";
    private readonly Guid _keysMappingId = Guid.NewGuid();
    private int _keySetFetches;

    public FakeBotConnectorIdentity(params TestSigningKey[] keys)
    {
        Server = WireMockServer.Start(new WireMockServerSettings { Urls = [$"http://127.0.0.1:{FreePort.Next()}"] });
        var metadata = new JsonObject
        {
            ["issuer"] = TestToken.ConnectorIssuer,
            ["authorization_endpoint"] = "https://invalid.botframework.com",
            ["jwks_uri"] = Server.Url + KeysPath,
            ["id_token_signing_alg_values_supported"] = new JsonArray("RS256"),
            ["token_endpoint_auth_methods_supported"] = new JsonArray("private_key_jwt"),
        };
        Server.Given(Request.Create().WithPath(MetadataPath).UsingGet())
            .RespondWith(Response.Create().WithHeader("Content-Type", "application/json").WithBody(metadata.ToJsonString()));
        PublishKeys(keys);
    }

    public WireMockServer Server { get; }

    public string MetadataUrl => Server.Url + MetadataPath;

    /// <summary>
    /// Counted as WireMock builds the answer, before it goes out: its request log is written only just after
    /// answering, so a count read from it the moment the bot is done can miss the last fetch.
    /// </summary>
    public int KeySetFetches => Volatile.Read(ref _keySetFetches);

    /// <summary>Replaces the published key set (key rotation).</summary>
    public void PublishKeys(params TestSigningKey[] keys)
    {
        var jwks = new JsonObject { ["keys"] = new JsonArray(keys.Select(k => (JsonNode)k.ToJwk()).ToArray()) };
        Server.Given(Request.Create().WithPath(KeysPath).UsingGet())
            .WithGuid(_keysMappingId)
            .RespondWith(Response.Create().WithHeader("Content-Type", "application/json").WithBody(_ =>
            {
                Interlocked.Increment(ref _keySetFetches);
                return jwks.ToJsonString();
            }));
    }

    public void Dispose() => Server.Stop();
}
