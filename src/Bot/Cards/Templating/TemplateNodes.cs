using System.Text;
using System.Text.Json.Nodes;

namespace PmfBot.Bot.Cards.Templating;

/// <summary>
/// What expanding a template node gives, in the official library's terms: undefined (the property is
/// left out), null (dropped from arrays, kept in objects), one node, or several (spread into a parent array).
/// </summary>
internal readonly struct Expanded
{
    private Expanded(ExpandedKind kind, JsonNode? node, List<JsonNode?>? items)
    {
        Kind = kind;
        Node = node;
        Items = items;
    }

    public enum ExpandedKind
    {
        Undefined,
        Null,
        Single,
        Many,
    }

    public ExpandedKind Kind { get; }

    public JsonNode? Node { get; }

    public List<JsonNode?>? Items { get; }

    public static Expanded Undefined => default;

    public static Expanded Null { get; } = new(ExpandedKind.Null, null, null);

    public static Expanded Single(JsonNode node) => new(ExpandedKind.Single, node, null);

    public static Expanded Many(List<JsonNode?> items) => new(ExpandedKind.Many, null, items);

    public static Expanded FromValue(Value value)
    {
        switch (value.Kind)
        {
            case ValueKind.Undefined:
                return Undefined;
            case ValueKind.Null:
                return Null;
            case ValueKind.Array:
            {
                var items = new List<JsonNode?>(value.Array.Count);
                foreach (var item in value.Array)
                {
                    items.Add(JsonCopy.Normalised(item));
                }

                return Many(items);
            }

            default:
                return Single(value.ToNode()!);
        }
    }

    public JsonNode? ToNode() => Kind switch
    {
        ExpandedKind.Single => Node,
        ExpandedKind.Many => ToArray(Items!),
        _ => null,
    };

    private static JsonArray ToArray(List<JsonNode?> items)
    {
        var array = new JsonArray();
        foreach (var item in items)
        {
            array.Add(item);
        }

        return array;
    }
}

/// <summary>A node of a parsed template; immutable, so one parsed template serves concurrent expansions.</summary>
internal abstract class TemplateNode(string location)
{
    private static readonly HashSet<string> ReservedKeys = ["$data", "$when", "$root", "$index", "$host", "$_acTemplateVersion"];

    public string Location { get; } = location;

    public abstract Expanded Expand(Scope scope);

    /// <summary>Parses a template (Template.prepare): every string with "${" becomes an expression.</summary>
    public static TemplateNode Prepare(JsonNode? node, string location)
    {
        switch (node)
        {
            case null:
                return new LiteralNode(Value.Null, location);
            case JsonArray array:
            {
                var items = new TemplateNode[array.Count];
                for (var i = 0; i < array.Count; i++)
                {
                    items[i] = Prepare(array[i], $"{location}[{i}]");
                }

                return new ArrayNode(items, location);
            }

            case JsonObject obj:
                return PrepareObject(obj, location);
        }

        var value = Value.FromNode(node);
        if (value.Kind != ValueKind.String)
        {
            return new LiteralNode(value, location);
        }

        var expr = ParseString(value.String, location);
        return expr is null ? new LiteralNode(value, location) : new ExpressionNode(expr, value.String, location);
    }

    private static TemplateNode PrepareObject(JsonObject obj, string location)
    {
        var properties = new List<(string Key, TemplateNode Node)>(obj.Count);
        ObjectNode.DataSource? data = null;
        ObjectNode.Condition? when = null;

        // The official library walks keys in Object.keys order (index-like keys first); so do we.
        foreach (var index in JsSemantics.KeyOrder(obj))
        {
            var (key, child) = obj.GetAt(index);
            var childLocation = location + PropertyPath(key);
            if (key == "$data")
            {
                data = PrepareData(child, childLocation);
            }
            else if (key == "$when")
            {
                when = PrepareWhen(child, childLocation);
            }
            else if (!ReservedKeys.Contains(key))
            {
                properties.Add((key, Prepare(child, childLocation)));
            }
        }

        return new ObjectNode([.. properties], data, when, location);
    }

    private static ObjectNode.DataSource PrepareData(JsonNode? node, string location)
    {
        if (node is JsonValue && Value.FromNode(node) is { Kind: ValueKind.String } text)
        {
            var expr = ParseString(text.String, location);
            return expr is null
                ? new ObjectNode.DataSource(text, null, null, location)
                : new ObjectNode.DataSource(default, expr, text.String, location);
        }

        if (node is JsonObject or JsonArray && ContainsExpression(node))
        {
            throw new TemplateSyntaxException(
                "a literal $data object or array may not contain ${...} (the official library would bind unevaluated expressions)");
        }

        // A private, fully built copy: safe to read from concurrent expansions.
        return new ObjectNode.DataSource(Value.FromNode(JsonCopy.Normalised(node)), null, null, location);
    }

    private static ObjectNode.Condition PrepareWhen(JsonNode? node, string location)
    {
        var value = Value.FromNode(node);
        var expr = value.Kind == ValueKind.String ? ParseString(value.String, location) : null;

        // Not an expression: the library drops the element whenever the value is truthy ("$when": true drops it).
        return expr is null
            ? new ObjectNode.Condition(null, null, DropsElement: value.IsTruthy, location)
            : new ObjectNode.Condition(expr, value.String, DropsElement: false, location);
    }

    private static Expr? ParseString(string text, string location)
    {
        try
        {
            return StringTemplateParser.Parse(text);
        }
        catch (TemplateSyntaxException e)
        {
            throw new TemplateSyntaxException($"at {location} (\"{text}\"): {e.Message}");
        }
    }

    private static bool ContainsExpression(JsonNode? node) => node switch
    {
        JsonObject o => o.Any(p => ContainsExpression(p.Value)),
        JsonArray a => a.Any(ContainsExpression),
        JsonValue v => Value.FromNode(v) is { Kind: ValueKind.String } s && s.String.Contains("${", StringComparison.Ordinal),
        _ => false,
    };

    private static string PropertyPath(string key)
    {
        var plain = key.Length > 0 && !char.IsAsciiDigit(key[0]) && key.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '$');
        return plain ? "." + key : "['" + key.Replace("'", "\\'", StringComparison.Ordinal) + "']";
    }
}

internal sealed class LiteralNode(Value value, string location) : TemplateNode(location)
{
    public override Expanded Expand(Scope scope) => Expanded.FromValue(value);
}

internal sealed class ArrayNode(TemplateNode[] items, string location) : TemplateNode(location)
{
    public override Expanded Expand(Scope scope)
    {
        var result = new List<JsonNode?>(items.Length);
        foreach (var item in items)
        {
            var expanded = item.Expand(scope);
            switch (expanded.Kind)
            {
                case Expanded.ExpandedKind.Null:
                    break; // null items (and elements dropped by $when or an empty $data) vanish
                case Expanded.ExpandedKind.Many:
                    result.AddRange(expanded.Items!); // arrays are spread one level into their parent
                    break;
                case Expanded.ExpandedKind.Undefined:
                    result.Add(null); // JSON.stringify writes undefined array items as null
                    break;
                default:
                    result.Add(expanded.Node);
                    break;
            }
        }

        return Expanded.Many(result);
    }
}

/// <summary>A string holding <c>${...}</c>: one expression (keeps its type) or an interpolation (always a string).</summary>
internal sealed class ExpressionNode(Expr expr, string source, string location) : TemplateNode(location)
{
    public override Expanded Expand(Scope scope) => Expanded.FromValue(Evaluation.Value(expr, source, Location, scope));
}

internal sealed class ObjectNode(
    (string Key, TemplateNode Node)[] properties,
    ObjectNode.DataSource? data,
    ObjectNode.Condition? when,
    string location) : TemplateNode(location)
{
    public override Expanded Expand(Scope scope)
    {
        var savedData = scope.Data;
        var savedIndex = scope.Index;
        try
        {
            var context = data is null ? Value.Undefined : data.Resolve(scope);
            var repeated = context.Kind == ValueKind.Array;
            var count = repeated ? context.Array.Count : 1;
            JsonObject? single = null;
            List<JsonNode?>? many = null;
            for (var i = 0; i < count; i++)
            {
                var item = repeated ? Value.FromNode(context.Array[i]) : context;
                if (repeated)
                {
                    scope.Index = Value.FromNumber(i);
                }

                if (!item.IsUndefined)
                {
                    scope.Data = item;
                }

                if (when is not null && when.Drops(scope))
                {
                    continue;
                }

                var expanded = ExpandProperties(scope);
                if (single is null && many is null)
                {
                    single = expanded;
                }
                else
                {
                    many ??= [single];
                    many.Add(expanded);
                }
            }

            return many is not null ? Expanded.Many(many) : single is not null ? Expanded.Single(single) : Expanded.Null;
        }
        finally
        {
            scope.Data = savedData;
            scope.Index = savedIndex;
        }
    }

    private JsonObject ExpandProperties(Scope scope)
    {
        var result = new JsonObject();
        foreach (var (key, node) in properties)
        {
            var expanded = node.Expand(scope);
            if (expanded.Kind != Expanded.ExpandedKind.Undefined)
            {
                result[key] = expanded.ToNode();
            }
        }

        return result;
    }

    /// <summary>The element's <c>$data</c>: an expression, or a literal value.</summary>
    internal sealed record DataSource(Value Literal, Expr? Expr, string? Source, string Location)
    {
        public Value Resolve(Scope scope) => Expr is null ? Literal : Evaluation.Value(Expr, Source!, Location, scope);
    }

    /// <summary>The element's <c>$when</c>: an expression that must give true, or a literal that drops the element when truthy.</summary>
    internal sealed record Condition(Expr? Expr, string? Source, bool DropsElement, string Location)
    {
        public bool Drops(Scope scope) => Expr is null ? DropsElement : !Evaluation.Condition(Expr, Source!, Location, scope);
    }
}

/// <summary>How the official library evaluates the root of a value, a $data and a $when.</summary>
internal static class Evaluation
{
    /// <summary>A property value or $data: missing fields become "${path}"; an error fails the expansion.</summary>
    public static Value Value(Expr expr, string source, string location, Scope scope)
    {
        scope.Location = location;
        try
        {
            if (expr.ConcatChildren is { } parts)
            {
                return PmfBot.Bot.Cards.Templating.Value.FromString(Concatenate(parts, scope));
            }

            var result = expr.Evaluate(scope, substitute: true);
            if (result.IsNoResult)
            {
                throw new ExpressionCrashException("an index inside it could not be evaluated");
            }

            return result.Error is null ? result.Value : throw Failure(scope, location, source, result.Error);
        }
        catch (ExpressionCrashException e)
        {
            throw Failure(scope, location, source, e.Message);
        }
    }

    /// <summary>A $when: no substitution; an evaluation error or anything but true drops the element.</summary>
    public static bool Condition(Expr expr, string source, string location, Scope scope)
    {
        scope.Location = location;
        try
        {
            var result = expr.Evaluate(scope, substitute: false);
            if (result.IsNoResult)
            {
                throw new ExpressionCrashException("an index inside it could not be evaluated");
            }

            return result.Error is null && result.Value is { Kind: ValueKind.Boolean, Boolean: true };
        }
        catch (ExpressionCrashException e)
        {
            throw Failure(scope, location, source, e.Message);
        }
    }

    /// <summary>
    /// The library's own concatenation for an interpolated string (or a concat() at the root): each part is
    /// evaluated on its own, and a part that fails is written back as "${part}".
    /// </summary>
    private static string Concatenate(IReadOnlyList<Expr> parts, Scope scope)
    {
        var builder = new StringBuilder();
        foreach (var part in parts)
        {
            Result result;
            try
            {
                result = part.Evaluate(scope, substitute: true);
            }
            catch (ExpressionCrashException)
            {
                builder.Append("${").Append(part).Append('}');
                continue;
            }

            if (result.IsNoResult)
            {
                throw new ExpressionCrashException($"'{part}' could not be evaluated (an index inside it failed)");
            }

            if (result.Error is not null)
            {
                builder.Append("${").Append(part).Append('}');
                continue;
            }

            builder.Append(JsSemantics.ToInterpolatedString(result.Value));
        }

        return builder.ToString();
    }

    private static TemplateException Failure(Scope scope, string location, string source, string reason) =>
        new(scope.TemplateName, location, $"cannot expand \"{source}\": {reason}");
}
