using System.Text.Json;
using System.Text.Json.Nodes;

namespace PmfBot.Bot.Cards.Templating;

/// <summary>The kinds of value an expression can produce, as JavaScript sees them.</summary>
internal enum ValueKind : byte
{
    Undefined,
    Null,
    Boolean,
    Number,
    String,
    Array,
    Object,
}

/// <summary>
/// A value met while evaluating an expression. Arrays and objects stay the caller's
/// <see cref="JsonNode"/>s (read, never changed); numbers are doubles as in JavaScript.
/// </summary>
internal readonly struct Value
{
    private readonly object? _reference;
    private readonly double _number;

    private Value(ValueKind kind, double number, object? reference)
    {
        Kind = kind;
        _number = number;
        _reference = reference;
    }

    public ValueKind Kind { get; }

    public static Value Undefined => default;

    public static Value Null { get; } = new(ValueKind.Null, 0, null);

    public static Value True { get; } = new(ValueKind.Boolean, 1, null);

    public static Value False { get; } = new(ValueKind.Boolean, 0, null);

    public static Value EmptyString { get; } = new(ValueKind.String, 0, "");

    public bool IsUndefined => Kind == ValueKind.Undefined;

    /// <summary>JavaScript's <c>value == null</c>: undefined or null.</summary>
    public bool IsNullish => Kind is ValueKind.Undefined or ValueKind.Null;

    public bool Boolean => _number != 0;

    public double Number => _number;

    public string String => (string)_reference!;

    public JsonArray Array => (JsonArray)_reference!;

    public JsonObject Object => (JsonObject)_reference!;

    /// <summary>JavaScript truthiness (<c>if (value)</c>).</summary>
    public bool IsTruthy => Kind switch
    {
        ValueKind.Boolean => Boolean,
        ValueKind.Number => _number != 0 && !double.IsNaN(_number),
        ValueKind.String => String.Length > 0,
        ValueKind.Array or ValueKind.Object => true,
        _ => false,
    };

    /// <summary>AdaptiveExpressions' isLogicTrue: a boolean is itself, null and undefined are false, anything else is true.</summary>
    public bool IsLogicTrue => Kind switch
    {
        ValueKind.Boolean => Boolean,
        ValueKind.Undefined or ValueKind.Null => false,
        _ => true,
    };

    /// <summary>Number.isInteger.</summary>
    public bool IsInteger => Kind == ValueKind.Number && double.IsFinite(_number) && Math.Floor(_number) == _number;

    public static Value FromBoolean(bool value) => value ? True : False;

    public static Value FromNumber(double value) => new(ValueKind.Number, value, null);

    public static Value FromString(string value) => new(ValueKind.String, 0, value);

    public static Value FromArray(JsonArray value) => new(ValueKind.Array, 0, value);

    public static Value FromObject(JsonObject value) => new(ValueKind.Object, 0, value);

    public static Value FromNode(JsonNode? node)
    {
        switch (node)
        {
            case null:
                return Null;
            case JsonObject o:
                return FromObject(o);
            case JsonArray a:
                return FromArray(a);
        }

        var value = node.AsValue();
        switch (value.GetValueKind())
        {
            case JsonValueKind.String:
                // A JsonValue may wrap a CLR value (a date, an enum): read it as its JSON text then.
                return FromString(value.TryGetValue<string>(out var text) ? text : JsonSerializer.Deserialize<string>(value.ToJsonString())!);
            case JsonValueKind.Number:
                return FromNumber(value.TryGetValue<double>(out var d)
                    ? d
                    : double.Parse(value.ToJsonString(), System.Globalization.CultureInfo.InvariantCulture));
            case JsonValueKind.True:
                return True;
            case JsonValueKind.False:
                return False;
            default:
                return Null;
        }
    }

    /// <summary>A fresh node for the output (numbers normalised to doubles, as JSON.parse then JSON.stringify would).</summary>
    public JsonNode? ToNode() => Kind switch
    {
        ValueKind.Boolean => JsonValue.Create(Boolean),
        ValueKind.Number => double.IsFinite(_number) ? JsonValue.Create(_number) : null,
        ValueKind.String => JsonValue.Create(String),
        ValueKind.Array => JsonCopy.Normalised(Array),
        ValueKind.Object => JsonCopy.Normalised(Object),
        _ => null,
    };
}

/// <summary>Deep copies of JSON trees with every number turned into a double, as JavaScript holds them.</summary>
internal static class JsonCopy
{
    public static JsonNode? Normalised(JsonNode? node)
    {
        switch (node)
        {
            case null:
                return null;
            case JsonObject o:
            {
                var copy = new JsonObject();
                for (var i = 0; i < o.Count; i++)
                {
                    var (key, child) = o.GetAt(i);
                    copy[key] = Normalised(child);
                }

                return copy;
            }

            case JsonArray a:
            {
                var copy = new JsonArray();
                for (var i = 0; i < a.Count; i++)
                {
                    copy.Add(Normalised(a[i]));
                }

                return copy;
            }

            default:
                return Value.FromNode(node).ToNode();
        }
    }
}
