using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace PmfBot.Bot.Cards;

/// <summary>
/// JSON rendered earlier and kept as UTF-8 (a card from <see cref="RenderedCardCache"/>), as a node
/// that writes its bytes out as they are: no parsing and no re-encoding of a 10 KB card for a caller
/// that only passes it on (an invoke's answer). The bytes were written by System.Text.Json, so they
/// are valid JSON and are not checked again.
/// </summary>
public static class RenderedJson
{
    private static readonly JsonTypeInfo<Utf8> Info =
        JsonMetadataServices.CreateValueInfo<Utf8>(new JsonSerializerOptions { TypeInfoResolver = new DefaultJsonTypeInfoResolver() }, new Writer());

    public static JsonNode Node(byte[] utf8) => JsonValue.Create(new Utf8(utf8), Info)!;

    public sealed record Utf8(byte[] Bytes);

    private sealed class Writer : JsonConverter<Utf8>
    {
        public override Utf8 Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            throw new NotSupportedException("Rendered JSON is only written.");

        public override void Write(Utf8JsonWriter writer, Utf8 value, JsonSerializerOptions options) =>
            writer.WriteRawValue(value.Bytes, skipInputValidation: true);
    }
}
