using System.Text;
using System.Text.Json.Nodes;

namespace PmfBot.Bot.Cards.Templating;

/// <summary>AdaptiveExpressions' ReturnType flags, used to reject ill-typed calls when a template loads.</summary>
[Flags]
internal enum ReturnType
{
    Boolean = 1,
    Number = 2,
    Object = 4,
    String = 8,
    Array = 16,
}

/// <summary>
/// The outcome of evaluating an expression, as AdaptiveExpressions' { value, error } pair. A failed
/// evaluation may still carry a value (or() passes it on). <see cref="IsNoResult"/> is an evaluator
/// that returned nothing at all: whoever reads it fails with a TypeError in the official library.
/// </summary>
internal readonly struct Result
{
    private Result(Value value, string? error, bool noResult)
    {
        Value = value;
        Error = error;
        IsNoResult = noResult;
    }

    public Value Value { get; }

    public string? Error { get; }

    public bool IsNoResult { get; }

    public static Result NoResult { get; } = new(Value.Undefined, null, true);

    public static Result Ok(Value value) => new(value, null, false);

    public static Result Fail(string error, Value value = default) => new(value, error, false);
}

/// <summary>An expression inside <c>${...}</c>, parsed once when the template loads and immutable after.</summary>
internal abstract class Expr
{
    public abstract ReturnType ReturnType { get; }

    /// <summary>
    /// The expression's type is "concat" (an interpolated string or a concat() call): at the root of a
    /// value that allows substitutions the library concatenates its children itself.
    /// </summary>
    public virtual IReadOnlyList<Expr>? ConcatChildren => null;

    public abstract Result Evaluate(Scope scope, bool substitute);

    /// <summary>The expression as AdaptiveExpressions prints it (the official library writes it back as "${...}" when it fails).</summary>
    public abstract override string ToString();

    /// <summary>Evaluates a child the way AdaptiveExpressions destructures it: nothing at all is a TypeError.</summary>
    protected static Result EvaluateChild(Expr child, Scope scope, bool substitute)
    {
        var result = child.Evaluate(scope, substitute);
        if (result.IsNoResult)
        {
            throw new ExpressionCrashException($"'{child}' gave no result (an evaluation error inside an index)");
        }

        return result;
    }
}

internal sealed class ConstantExpr(Value value) : Expr
{
    public Value Value { get; } = value;

    public override ReturnType ReturnType => Value.Kind switch
    {
        ValueKind.String => ReturnType.String,
        ValueKind.Boolean => ReturnType.Boolean,
        ValueKind.Number => ReturnType.Number,
        ValueKind.Array => ReturnType.Array,
        _ => ReturnType.Object,
    };

    public override Result Evaluate(Scope scope, bool substitute) => Result.Ok(Value);

    public override string ToString()
    {
        switch (Value.Kind)
        {
            case ValueKind.Undefined:
                return "undefined";
            case ValueKind.Null:
                return "null";
            case ValueKind.String:
            {
                // Backslashes doubled, then every quote not already after a backslash escaped.
                var doubled = Value.String.Replace("\\", "\\\\", StringComparison.Ordinal);
                var builder = new StringBuilder("'", doubled.Length + 4);
                for (var i = 0; i < doubled.Length; i++)
                {
                    if (doubled[i] == '\'' && (i == 0 || doubled[i - 1] != '\\'))
                    {
                        builder.Append('\\');
                    }

                    builder.Append(doubled[i]);
                }

                return builder.Append('\'').ToString();
            }

            default:
                return JsSemantics.ToJsString(Value);
        }
    }
}

/// <summary>One segment of a memory path, with parseInt of its text worked out once.</summary>
internal readonly record struct PathSegment(string Text, double AsInteger)
{
    public static PathSegment[] Split(string path, bool underData)
    {
        // JavaScript: path.split(/[.[\]]+/).filter(nonEmpty).map(stripQuotes)
        var segments = new List<PathSegment>();
        if (underData)
        {
            segments.Add(new PathSegment("$data", double.NaN));
        }

        var start = 0;
        for (var i = 0; i <= path.Length; i++)
        {
            if (i < path.Length && path[i] is not ('.' or '[' or ']'))
            {
                continue;
            }

            if (i > start)
            {
                var part = path[start..i];
                if ((part.StartsWith('"') && part.EndsWith('"')) || (part.StartsWith('\'') && part.EndsWith('\'')))
                {
                    part = part.Length >= 2 ? part[1..^1] : "";
                }

                segments.Add(new PathSegment(part, JsSemantics.ParseInt(part)));
            }

            start = i + 1;
        }

        return [.. segments];
    }

    /// <summary>SimpleObjectMemory.getValue over a value.</summary>
    public static Value Resolve(Value start, ReadOnlySpan<PathSegment> segments)
    {
        var value = Value.Undefined;
        var current = start;
        foreach (var segment in segments)
        {
            if (!double.IsNaN(segment.AsInteger) && current.Kind == ValueKind.Array)
            {
                value = JsSemantics.AccessIndex(current, segment.AsInteger, out var error);
                if (error is not null)
                {
                    return Value.Undefined;
                }
            }
            else
            {
                value = JsSemantics.AccessProperty(current, segment.Text);
            }

            current = value;
        }

        return value;
    }
}

/// <summary>A property access, <c>a.b</c> or just <c>a</c>; AdaptiveExpressions' Accessor.</summary>
internal sealed class AccessorExpr : Expr
{
    private readonly StaticPath? _static;

    public AccessorExpr(string property, Expr? left)
    {
        Property = property;
        Left = left;
        if (IsStaticChain(this))
        {
            var (path, remaining, error) = AccumulatePath(null!, substitute: false);
            if (error is null && path is not null)
            {
                _static = new StaticPath(path, remaining, PathSegment.Split(path, remaining is null && path[0] != '$'), "${" + path + "}");
            }
        }
    }

    public string Property { get; }

    public Expr? Left { get; }

    public override ReturnType ReturnType => ReturnType.Object;

    public override Result Evaluate(Scope scope, bool substitute)
    {
        string path;
        Expr? remaining;
        PathSegment[] segments;
        if (_static is not null)
        {
            (path, remaining, segments) = (_static.Path, _static.Remaining, _static.Segments);
        }
        else
        {
            var accumulated = AccumulatePath(scope, substitute);
            if (accumulated.Error is not null)
            {
                return Result.Fail(accumulated.Error);
            }

            path = accumulated.Path!;
            remaining = accumulated.Remaining;
            segments = PathSegment.Split(path, remaining is null && path[0] != '$');
        }

        Value value;
        if (remaining is null)
        {
            value = scope.ResolveMemory(segments);
        }
        else
        {
            var left = EvaluateChild(remaining, scope, substitute);
            if (left.Error is not null)
            {
                return Result.Fail(left.Error);
            }

            value = PathSegment.Resolve(left.Value, segments);
        }

        if (value.IsUndefined && substitute)
        {
            // The library's null substitution: a missing field stays as its own "${path}".
            scope.RecordUnresolved(path);
            return Result.Ok(Value.FromString(_static?.Substitution ?? "${" + path + "}"));
        }

        return Result.Ok(value);
    }

    public override string ToString() => Left is null ? Property : $"{Left}.{Property}";

    private static bool IsStaticChain(Expr expr)
    {
        while (true)
        {
            switch (expr)
            {
                case AccessorExpr accessor:
                    if (accessor.Left is null)
                    {
                        return true;
                    }

                    expr = accessor.Left;
                    break;
                case ElementExpr element:
                    if (element.Index is not ConstantExpr)
                    {
                        return false;
                    }

                    expr = element.Instance;
                    break;
                default:
                    return true;
            }
        }
    }

    /// <summary>FunctionUtils.tryAccumulatePath: a.b[0].c becomes the path "a.b[0].c" while it can.</summary>
    private (string? Path, Expr? Remaining, string? Error) AccumulatePath(Scope scope, bool substitute)
    {
        var path = "";
        Expr? left = this;
        while (left is not null)
        {
            if (left is AccessorExpr accessor)
            {
                path = accessor.Property + "." + path;
                left = accessor.Left;
            }
            else if (left is ElementExpr element)
            {
                var index = EvaluateChild(element.Index, scope, substitute);
                if (index.Error is not null)
                {
                    return (null, null, index.Error);
                }

                var text = JsSemantics.ToJsString(index.Value);
                if (!double.IsNaN(JsSemantics.ParseInt(text)))
                {
                    path = $"[{text}].{path}";
                }
                else if (index.Value.Kind == ValueKind.String)
                {
                    path = $"['{index.Value.String}'].{path}";
                }
                else
                {
                    return (null, null, $"{element.Index} doesn't return an int or string");
                }

                left = element.Instance;
            }
            else
            {
                break;
            }
        }

        path = path.TrimEnd('.').Replace(".[", "[", StringComparison.Ordinal);
        return (path.Length == 0 ? null : path, left, null);
    }

    private sealed record StaticPath(string Path, Expr? Remaining, PathSegment[] Segments, string Substitution);
}

/// <summary>An index, <c>a[0]</c> or <c>a['key']</c>; AdaptiveExpressions' Element.</summary>
internal sealed class ElementExpr(Expr instance, Expr index) : Expr
{
    public Expr Instance { get; } = instance;

    public Expr Index { get; } = index;

    public override ReturnType ReturnType => ReturnType.Object;

    public override Result Evaluate(Scope scope, bool substitute)
    {
        var instance = EvaluateChild(Instance, scope, substitute);
        if (instance.Error is not null)
        {
            return Result.NoResult;
        }

        // The index is evaluated without substitution.
        var index = EvaluateChild(Index, scope, substitute: false);
        if (index.Error is not null)
        {
            return Result.NoResult;
        }

        if (index.Value.IsInteger)
        {
            var value = JsSemantics.AccessIndex(instance.Value, index.Value.Number, out var error);
            return error is null ? Result.Ok(value) : Result.Fail(error);
        }

        return index.Value.Kind == ValueKind.String
            ? Result.Ok(JsSemantics.AccessProperty(instance.Value, index.Value.String))
            : Result.Fail($"Could not coerce {Index} to an int or string.");
    }

    public override string ToString() => $"{Instance}[{Index}]";
}

/// <summary>A string with text around its expressions: "Due ${date} (${count(items)} items)".</summary>
internal sealed class InterpolationExpr(IReadOnlyList<Expr> parts) : Expr
{
    public override ReturnType ReturnType => ReturnType.String | ReturnType.Array;

    public override IReadOnlyList<Expr> ConcatChildren => parts;

    public override Result Evaluate(Scope scope, bool substitute) => CallExpr.ConcatValues(parts, scope, substitute);

    public override string ToString() => "concat(" + string.Join(", ", parts) + ")";
}

/// <summary>The functions and operators of the supported subset.</summary>
internal enum Function
{
    Add,
    Equal,
    NotEqual,
    LessThan,
    LessThanOrEqual,
    GreaterThan,
    GreaterThanOrEqual,
    And,
    Or,
    Not,
    If,
    Count,
    Empty,
    Concat,
    String,
    Length,
    ToUpper,
    ToLower,
    Join,
    FormatNumber,
}

internal sealed class CallExpr(Function function, string type, ReturnType returnType, Expr[] args) : Expr
{
    public Function Function { get; } = function;

    public IReadOnlyList<Expr> Args => args;

    public override ReturnType ReturnType => returnType;

    public override IReadOnlyList<Expr>? ConcatChildren => Function == Function.Concat ? args : null;

    public override string ToString()
    {
        // AdaptiveExpressions: operators (a type not starting with a letter, two or more children) infix.
        var infix = !char.IsAsciiLetter(type[0]) && args.Length >= 2;
        return infix
            ? "(" + string.Join(" " + type + " ", (IEnumerable<Expr>)args) + ")"
            : type + "(" + string.Join(", ", (IEnumerable<Expr>)args) + ")";
    }

    public override Result Evaluate(Scope scope, bool substitute)
    {
        switch (Function)
        {
            case Function.Add:
                return Add(scope, substitute);
            case Function.Equal:
            case Function.NotEqual:
            case Function.LessThan:
            case Function.LessThanOrEqual:
            case Function.GreaterThan:
            case Function.GreaterThanOrEqual:
                return Compare(scope);
            case Function.And:
                return And(scope);
            case Function.Or:
                return Or(scope);
            case Function.Not:
            {
                var operand = EvaluateChild(args[0], scope, substitute: false);
                return Result.Ok(Value.FromBoolean(operand.Error is not null || !operand.Value.IsLogicTrue));
            }

            case Function.If:
            {
                var condition = EvaluateChild(args[0], scope, substitute: false);
                var branch = condition.Error is null && condition.Value.IsLogicTrue ? args[1] : args[2];
                return EvaluateChild(branch, scope, substitute);
            }

            case Function.Count:
                return Count(scope, substitute);
            case Function.Empty:
                return Empty(scope);
            case Function.Concat:
                return ConcatValues(args, scope, substitute);
            case Function.String:
                return StringOf(scope, substitute);
            case Function.Length:
            case Function.ToUpper:
            case Function.ToLower:
                return StringFunction(scope, substitute);
            case Function.Join:
                return Join(scope, substitute);
            case Function.FormatNumber:
                return FormatNumber(scope, substitute);
            default:
                throw new InvalidOperationException($"No evaluator for {Function}.");
        }
    }

    /// <summary>AdaptiveExpressions' concat evaluator: arrays concatenate, anything else stringifies.</summary>
    public static Result ConcatValues(IReadOnlyList<Expr> parts, Scope scope, bool substitute)
    {
        var values = new Value[parts.Count];
        for (var i = 0; i < parts.Count; i++)
        {
            var part = EvaluateChild(parts[i], scope, substitute);
            if (part.Error is not null)
            {
                return Result.Fail(part.Error);
            }

            values[i] = part.Value;
        }

        var soFar = values[0];
        for (var i = 1; i < values.Length; i++)
        {
            var next = values[i];
            if (soFar.IsNullish && next.IsNullish)
            {
                soFar = Value.Undefined;
            }
            else if (soFar.IsNullish && next.Kind == ValueKind.Array)
            {
                soFar = next;
            }
            else if (next.IsNullish && soFar.Kind == ValueKind.Array)
            {
                // soFar stays.
            }
            else if (soFar.Kind == ValueKind.Array && next.Kind == ValueKind.Array)
            {
                var joined = new JsonArray();
                foreach (var item in soFar.Array)
                {
                    joined.Add(JsonCopy.Normalised(item));
                }

                foreach (var item in next.Array)
                {
                    joined.Add(JsonCopy.Normalised(item));
                }

                soFar = Value.FromArray(joined);
            }
            else
            {
                soFar = Value.FromString(JsSemantics.CommonStringify(soFar) + JsSemantics.CommonStringify(next));
            }
        }

        return Result.Ok(soFar);
    }

    private Result Add(Scope scope, bool substitute)
    {
        var values = new Value[args.Length];
        for (var i = 0; i < args.Length; i++)
        {
            var arg = EvaluateChild(args[i], scope, substitute);
            if (arg.Error is not null)
            {
                return Result.Fail(arg.Error);
            }

            if (arg.Value.Kind is not (ValueKind.String or ValueKind.Undefined) && !IsNumber(arg.Value))
            {
                return Result.Fail($"{args[i]} is neither a number nor string");
            }

            values[i] = arg.Value;
        }

        var soFar = values[0];
        for (var i = 1; i < values.Length; i++)
        {
            var (a, b) = (soFar, values[i]);
            if ((a.IsNullish && IsNumber(b)) || (b.IsNullish && IsNumber(a)))
            {
                return Result.Fail("Operator '+' or add cannot be applied to operands of type 'number' and null object.");
            }

            if (IsNumber(a) && IsNumber(b))
            {
                soFar = Value.FromNumber(a.Number + b.Number);
            }
            else
            {
                soFar = Value.FromString(
                    (a.IsNullish ? "" : JsSemantics.ToJsString(a)) + (b.IsNullish ? "" : JsSemantics.ToJsString(b)));
            }
        }

        return Result.Ok(soFar);
    }

    /// <summary>AdaptiveExpressions' ComparisonEvaluator: children without substitution, their errors read as false.</summary>
    private Result Compare(Scope scope)
    {
        var left = EvaluateChild(args[0], scope, substitute: false);
        if (left.Error is not null)
        {
            return Result.Ok(Value.False);
        }

        var ordering = Function is not (Function.Equal or Function.NotEqual);
        if (ordering && left.Value.IsNullish)
        {
            return Result.Ok(Value.False);
        }

        var right = EvaluateChild(args[1], scope, substitute: false);
        if (right.Error is not null || (ordering && right.Value.IsNullish))
        {
            return Result.Ok(Value.False);
        }

        var (a, b) = (left.Value, right.Value);
        switch (Function)
        {
            case Function.Equal:
                return Result.Ok(Value.FromBoolean(JsSemantics.CommonEquals(a, b)));
            case Function.NotEqual:
                return Result.Ok(Value.FromBoolean(!JsSemantics.CommonEquals(a, b)));
        }

        int order;
        if (IsNumber(a) && IsNumber(b))
        {
            order = a.Number.CompareTo(b.Number);
        }
        else if (a.Kind == ValueKind.String && b.Kind == ValueKind.String)
        {
            order = string.CompareOrdinal(a.String, b.String);
        }
        else
        {
            return Result.Fail($"{JsSemantics.ToJsString(a)} and {JsSemantics.ToJsString(b)} must be comparable.", Value.False);
        }

        return Result.Ok(Value.FromBoolean(Function switch
        {
            Function.LessThan => order < 0,
            Function.LessThanOrEqual => order <= 0,
            Function.GreaterThan => order > 0,
            _ => order >= 0,
        }));
    }

    private Result And(Scope scope)
    {
        foreach (var arg in args)
        {
            var result = EvaluateChild(arg, scope, substitute: false);
            if (result.Error is not null || !result.Value.IsLogicTrue)
            {
                return Result.Ok(Value.False);
            }
        }

        return Result.Ok(Value.True);
    }

    /// <summary>or(): true when any child is; otherwise the last child's own value (false, null or undefined).</summary>
    private Result Or(Scope scope)
    {
        var last = Value.False;
        foreach (var arg in args)
        {
            var result = EvaluateChild(arg, scope, substitute: false);
            if (result.Error is null && result.Value.IsLogicTrue)
            {
                return Result.Ok(Value.True);
            }

            last = result.Value;
        }

        return Result.Ok(last);
    }

    private Result Count(Scope scope, bool substitute)
    {
        var arg = EvaluateChild(args[0], scope, substitute);
        if (arg.Error is not null)
        {
            return Result.Fail(arg.Error);
        }

        return arg.Value.Kind switch
        {
            ValueKind.String => Result.Ok(Value.FromNumber(arg.Value.String.Length)),
            ValueKind.Array => Result.Ok(Value.FromNumber(arg.Value.Array.Count)),
            ValueKind.Object => Result.Ok(Value.FromNumber(arg.Value.Object.Count)),
            ValueKind.Null => Result.Fail("Cannot convert undefined or null to object"),
            _ => Result.Fail($"{args[0]} must be a string, list, map or object."),
        };
    }

    private Result Empty(Scope scope)
    {
        var arg = EvaluateChild(args[0], scope, substitute: false);
        if (arg.Error is not null)
        {
            return Result.Ok(Value.False);
        }

        return Result.Ok(arg.Value.Kind switch
        {
            ValueKind.Undefined or ValueKind.Null => Value.True,
            ValueKind.String => Value.FromBoolean(arg.Value.String.Length == 0),
            ValueKind.Array => Value.FromBoolean(arg.Value.Array.Count == 0),
            ValueKind.Object => Value.FromBoolean(arg.Value.Object.Count == 0),
            _ => Value.False, // a number or boolean fails verification, which reads as false
        });
    }

    private Result StringOf(Scope scope, bool substitute)
    {
        var arg = EvaluateChild(args[0], scope, substitute);
        if (arg.Error is not null)
        {
            return Result.Fail(arg.Error);
        }

        return Result.Ok(Value.FromString(arg.Value.Kind switch
        {
            ValueKind.String => arg.Value.String,
            ValueKind.Number => NumberFormatting.NumberAsString(arg.Value.Number),
            _ => JsSemantics.CommonStringify(arg.Value),
        }));
    }

    private Result StringFunction(Scope scope, bool substitute)
    {
        var arg = EvaluateChild(args[0], scope, substitute);
        if (arg.Error is not null)
        {
            return Result.Fail(arg.Error);
        }

        if (arg.Value.Kind is not (ValueKind.String or ValueKind.Undefined))
        {
            return Result.Fail($"{args[0]} is neither a string nor a null object.");
        }

        var text = arg.Value.IsUndefined ? "" : arg.Value.String;
        return Function switch
        {
            Function.Length => Result.Ok(Value.FromNumber(text.Length)),
            Function.ToUpper => Result.Ok(Value.FromString(CaseMapping.ToUpper(text))),
            _ => Result.Ok(Value.FromString(CaseMapping.ToLower(text))),
        };
    }

    private Result Join(Scope scope, bool substitute)
    {
        var values = new Value[args.Length];
        for (var i = 0; i < args.Length; i++)
        {
            var arg = EvaluateChild(args[i], scope, substitute);
            if (arg.Error is not null)
            {
                return Result.Fail(arg.Error);
            }

            values[i] = arg.Value;
        }

        if (values[0].Kind != ValueKind.Array)
        {
            return Result.Fail($"{args[0]} evaluates to {JsSemantics.ToJsString(values[0])} which is not a list.");
        }

        var array = values[0].Array;
        if (values.Length == 2)
        {
            return Result.Ok(Value.FromString(JsSemantics.Join(array, Separator(values[1]))));
        }

        if (array.Count < 3)
        {
            return Result.Ok(Value.FromString(JsSemantics.Join(array, Separator(values[2]))));
        }

        // firstPart.concat(lastSeparator, lastItem): String() of each, so null reads "null".
        var firstPart = new StringBuilder();
        var separator = Separator(values[1]);
        for (var i = 0; i < array.Count - 1; i++)
        {
            if (i > 0)
            {
                firstPart.Append(separator);
            }

            var item = Value.FromNode(array[i]);
            if (!item.IsNullish)
            {
                firstPart.Append(JsSemantics.ToJsString(item));
            }
        }

        return Result.Ok(Value.FromString(firstPart
            .Append(JsSemantics.ToJsString(values[2]))
            .Append(JsSemantics.ToJsString(Value.FromNode(array[^1])))
            .ToString()));

        static string Separator(Value value) => value.IsUndefined ? "," : JsSemantics.ToJsString(value);
    }

    private Result FormatNumber(Scope scope, bool substitute)
    {
        var number = EvaluateChild(args[0], scope, substitute);
        if (number.Error is not null)
        {
            return Result.Fail(number.Error);
        }

        var precision = EvaluateChild(args[1], scope, substitute);
        if (precision.Error is not null)
        {
            return Result.Fail(precision.Error);
        }

        if (!IsNumber(number.Value))
        {
            return Result.Fail($"formatNumber first argument {JsSemantics.ToJsString(number.Value)} must be a number", Value.Null);
        }

        if (!IsNumber(precision.Value))
        {
            return Result.Fail($"formatNumber second argument {JsSemantics.ToJsString(precision.Value)} must be a number", Value.Null);
        }

        var text = NumberFormatting.FormatNumber(number.Value.Number, precision.Value.Number, out var error);
        return text is null ? Result.Fail(error!, Value.Null) : Result.Ok(Value.FromString(text));
    }

    /// <summary>FunctionUtils.isNumber: a number that is not NaN.</summary>
    private static bool IsNumber(Value value) => value.Kind == ValueKind.Number && !double.IsNaN(value.Number);
}

/// <summary>
/// toUpperCase and toLowerCase as JavaScript does them: .NET's invariant mapping is one character to one,
/// so the full mappings that expand (ß to SS, the ﬁ ligatures, İ) and the final sigma are added.
/// </summary>
internal static class CaseMapping
{
    public static string ToUpper(string text)
    {
        var upper = text.ToUpperInvariant();
        if (!upper.AsSpan().ContainsAny("ßŉǰﬀﬁﬂﬃﬄﬅﬆ"))
        {
            return upper;
        }

        var builder = new StringBuilder(upper.Length + 4);
        foreach (var c in upper)
        {
            builder.Append(c switch
            {
                'ß' => "SS",
                'ŉ' => "\u02bcN",
                'ǰ' => "J\u030c",
                'ﬀ' => "FF",
                'ﬁ' => "FI",
                'ﬂ' => "FL",
                'ﬃ' => "FFI",
                'ﬄ' => "FFL",
                'ﬅ' or 'ﬆ' => "ST",
                _ => c.ToString(),
            });
        }

        return builder.ToString();
    }

    public static string ToLower(string text)
    {
        if (!text.AsSpan().ContainsAny("İΣ"))
        {
            return text.ToLowerInvariant();
        }

        var builder = new StringBuilder(text.Length + 2);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == 'İ')
            {
                builder.Append("i\u0307");
            }
            else if (c == 'Σ')
            {
                // Final sigma: after a letter and not before one.
                var afterLetter = i > 0 && char.IsLetter(text[i - 1]);
                var beforeLetter = i + 1 < text.Length && char.IsLetter(text[i + 1]);
                builder.Append(afterLetter && !beforeLetter ? 'ς' : 'σ');
            }
            else
            {
                builder.Append(char.ToLowerInvariant(c));
            }
        }

        return builder.ToString();
    }
}

/// <summary>The evaluation state of one expansion: the data, the repetition index, what could not be resolved.</summary>
internal sealed class Scope(string templateName, Value root)
{
    private static readonly JsonObject TemplateVersion = new()
    {
        ["major"] = 2,
        ["minor"] = 3,
        ["patch"] = 1,
        ["suffix"] = "",
    };

    private List<UnresolvedField>? _unresolved;

    public string TemplateName { get; } = templateName;

    public Value Root { get; } = root;

    /// <summary>The current <c>$data</c>; undefined means the root.</summary>
    public Value Data { get; set; }

    /// <summary>The current <c>$index</c>; undefined outside a repetition.</summary>
    public Value Index { get; set; }

    /// <summary>Where in the template the expression being evaluated sits.</summary>
    public string Location { get; set; } = "$";

    public IReadOnlyList<UnresolvedField> Unresolved => (IReadOnlyList<UnresolvedField>?)_unresolved ?? [];

    public void RecordUnresolved(string path) => (_unresolved ??= []).Add(new UnresolvedField(path, Location));

    /// <summary>TemplateObjectMemory: the first segment names $root, $data, $index, $host or $_acTemplateVersion (any case).</summary>
    public Value ResolveMemory(ReadOnlySpan<PathSegment> segments)
    {
        if (segments.Length == 0)
        {
            return Value.Undefined;
        }

        var name = segments[0].Text;
        Value start;
        if (name.Equals("$data", StringComparison.OrdinalIgnoreCase))
        {
            start = Data.IsUndefined ? Root : Data;
        }
        else if (name.Equals("$root", StringComparison.OrdinalIgnoreCase))
        {
            start = Root;
        }
        else if (name.Equals("$index", StringComparison.OrdinalIgnoreCase))
        {
            start = Index;
        }
        else if (name.Equals("$_acTemplateVersion", StringComparison.OrdinalIgnoreCase))
        {
            start = Value.FromObject(TemplateVersion);
        }
        else
        {
            return Value.Undefined; // $host (never given) or an unknown name
        }

        return segments.Length == 1 ? start : PathSegment.Resolve(start, segments[1..]);
    }
}
