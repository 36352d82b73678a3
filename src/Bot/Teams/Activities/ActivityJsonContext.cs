using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Nodes;

namespace PmfBot.Bot.Teams.Activities;

/// <summary>
/// Source-generated System.Text.Json metadata for inbound activities. camelCase, case-insensitive
/// on read, unknown fields ignored, nulls not written.
/// </summary>
[JsonSourceGenerationOptions(
    JsonSerializerDefaults.Web,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip)]
[JsonSerializable(typeof(ActivityPayload))]
[JsonSerializable(typeof(AdaptiveCardActionPayload))]
[JsonSerializable(typeof(JsonNode))]
internal sealed partial class ActivityJsonContext : JsonSerializerContext;
