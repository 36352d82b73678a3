using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace PmfBot.Bot.Cards.Templating;

/// <summary>
/// The bits of JavaScript (and of AdaptiveExpressions' helpers) whose exact behaviour shows in the
/// official templating library's output: number to string, parseInt, trim, toString, JSON.stringify,
/// equality, and property and index access on data.
/// </summary>
internal static class JsSemantics
{
    /// <summary>Number.prototype.toString(): 78.5, 3, 1e+21, 1e-7, 0.30000000000000004.</summary>
    public static string NumberToString(double value)
    {
        if (double.IsNaN(value))
        {
            return "NaN";
        }

        if (double.IsInfinity(value))
        {
            return value > 0 ? "Infinity" : "-Infinity";
        }

        if (value == 0)
        {
            return "0";
        }

        if (Math.Abs(value) < 1e15 && Math.Floor(value) == value)
        {
            return ((long)value).ToString(CultureInfo.InvariantCulture);
        }

        // .NET's "R" gives the shortest digits that round-trip, as JavaScript does; only the layout differs.
        var shortest = Math.Abs(value).ToString("R", CultureInfo.InvariantCulture);
        var exponentAt = shortest.IndexOfAny(['E', 'e']);
        var mantissa = exponentAt < 0 ? shortest : shortest[..exponentAt];
        var exponent = exponentAt < 0 ? 0 : int.Parse(shortest[(exponentAt + 1)..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        var point = mantissa.IndexOf('.');
        var digits = point < 0 ? mantissa : string.Concat(mantissa.AsSpan(0, point), mantissa.AsSpan(point + 1));
        var n = (point < 0 ? mantissa.Length : point) + exponent;
        var leading = 0;
        while (leading < digits.Length - 1 && digits[leading] == '0')
        {
            leading++;
        }

        digits = digits[leading..].TrimEnd('0');
        n -= leading;
        var k = digits.Length;

        var builder = new StringBuilder(24);
        if (value < 0)
        {
            builder.Append('-');
        }

        if (k <= n && n <= 21)
        {
            builder.Append(digits).Append('0', n - k);
        }
        else if (0 < n && n <= 21)
        {
            builder.Append(digits, 0, n).Append('.').Append(digits, n, k - n);
        }
        else if (-6 < n && n <= 0)
        {
            builder.Append("0.").Append('0', -n).Append(digits);
        }
        else
        {
            var e = n - 1;
            builder.Append(digits[0]);
            if (k > 1)
            {
                builder.Append('.').Append(digits, 1, k - 1);
            }

            builder.Append('e').Append(e >= 0 ? '+' : '-').Append(Math.Abs(e).ToString(CultureInfo.InvariantCulture));
        }

        return builder.ToString();
    }

    /// <summary>The global parseInt(text) without a radix (NaN when no digits).</summary>
    public static double ParseInt(string text)
    {
        var i = 0;
        while (i < text.Length && IsJsWhiteSpace(text[i]))
        {
            i++;
        }

        var sign = 1;
        if (i < text.Length && (text[i] == '+' || text[i] == '-'))
        {
            sign = text[i] == '-' ? -1 : 1;
            i++;
        }

        var radix = 10;
        if (i + 1 < text.Length && text[i] == '0' && (text[i + 1] == 'x' || text[i + 1] == 'X'))
        {
            radix = 16;
            i += 2;
        }

        double result = 0;
        var any = false;
        for (; i < text.Length; i++)
        {
            var digit = DigitValue(text[i]);
            if (digit < 0 || digit >= radix)
            {
                break;
            }

            result = (result * radix) + digit;
            any = true;
        }

        return any ? sign * result : double.NaN;

        static int DigitValue(char c) => c switch
        {
            >= '0' and <= '9' => c - '0',
            >= 'a' and <= 'z' => c - 'a' + 10,
            >= 'A' and <= 'Z' => c - 'A' + 10,
            _ => -1,
        };
    }

    /// <summary>String.prototype.trim().</summary>
    public static string Trim(string text)
    {
        var start = 0;
        var end = text.Length;
        while (start < end && IsJsWhiteSpace(text[start]))
        {
            start++;
        }

        while (end > start && IsJsWhiteSpace(text[end - 1]))
        {
            end--;
        }

        return start == 0 && end == text.Length ? text : text[start..end];
    }

    private static bool IsJsWhiteSpace(char c) =>
        c is '\t' or '\n' or '\v' or '\f' or '\r' or ' ' or '\u00a0' or '\ufeff' or '\u2028' or '\u2029'
        || CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.SpaceSeparator;

    /// <summary>
    /// value.toString() as the templating library calls it when it builds an interpolated string.
    /// Null and undefined have no toString: the library fails with a TypeError, and so do we.
    /// </summary>
    public static string ToInterpolatedString(Value value) => value.Kind switch
    {
        ValueKind.Undefined or ValueKind.Null => throw new ExpressionCrashException(
            $"the value is {(value.IsUndefined ? "undefined" : "null")}, which the official library cannot put into a string (it fails with a TypeError)"),
        _ => ToJsString(value),
    };

    /// <summary>String(value) for anything but null and undefined; arrays join with commas, objects are [object Object].</summary>
    public static string ToJsString(Value value) => value.Kind switch
    {
        ValueKind.Undefined => "undefined",
        ValueKind.Null => "null",
        ValueKind.Boolean => value.Boolean ? "true" : "false",
        ValueKind.Number => NumberToString(value.Number),
        ValueKind.String => value.String,
        ValueKind.Array => Join(value.Array, ","),
        _ => "[object Object]",
    };

    /// <summary>Array.prototype.join: null and undefined items become empty.</summary>
    public static string Join(JsonArray array, string separator)
    {
        var builder = new StringBuilder();
        for (var i = 0; i < array.Count; i++)
        {
            if (i > 0)
            {
                builder.Append(separator);
            }

            var item = Value.FromNode(array[i]);
            if (!item.IsNullish)
            {
                builder.Append(ToJsString(item));
            }
        }

        return builder.ToString();
    }

    /// <summary>AdaptiveExpressions' commonStringify: null is empty, objects and arrays are JSON.</summary>
    public static string CommonStringify(Value value) => value.Kind switch
    {
        ValueKind.Undefined or ValueKind.Null => "",
        ValueKind.Array or ValueKind.Object => Stringify(value).Trim('\'', '"'),
        _ => ToJsString(value),
    };

    /// <summary>JSON.stringify, with JavaScript's key order (integer-like keys first) and escaping.</summary>
    public static string Stringify(Value value)
    {
        var builder = new StringBuilder();
        Write(builder, value);
        return builder.ToString();
    }

    private static void Write(StringBuilder builder, Value value)
    {
        switch (value.Kind)
        {
            case ValueKind.Boolean:
                builder.Append(value.Boolean ? "true" : "false");
                break;
            case ValueKind.Number:
                builder.Append(double.IsFinite(value.Number) ? NumberToString(value.Number) : "null");
                break;
            case ValueKind.String:
                Quote(builder, value.String);
                break;
            case ValueKind.Array:
                builder.Append('[');
                for (var i = 0; i < value.Array.Count; i++)
                {
                    if (i > 0)
                    {
                        builder.Append(',');
                    }

                    Write(builder, Value.FromNode(value.Array[i]));
                }

                builder.Append(']');
                break;
            case ValueKind.Object:
                builder.Append('{');
                var first = true;
                foreach (var index in KeyOrder(value.Object))
                {
                    var (key, child) = value.Object.GetAt(index);
                    if (!first)
                    {
                        builder.Append(',');
                    }

                    first = false;
                    Quote(builder, key);
                    builder.Append(':');
                    Write(builder, Value.FromNode(child));
                }

                builder.Append('}');
                break;
            default:
                builder.Append("null");
                break;
        }
    }

    private static void Quote(StringBuilder builder, string text)
    {
        builder.Append('"');
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            switch (c)
            {
                case '"':
                    builder.Append("\\\"");
                    break;
                case '\\':
                    builder.Append("\\\\");
                    break;
                case '\b':
                    builder.Append("\\b");
                    break;
                case '\f':
                    builder.Append("\\f");
                    break;
                case '\n':
                    builder.Append("\\n");
                    break;
                case '\r':
                    builder.Append("\\r");
                    break;
                case '\t':
                    builder.Append("\\t");
                    break;
                default:
                    var loneSurrogate = (char.IsHighSurrogate(c) && (i + 1 >= text.Length || !char.IsLowSurrogate(text[i + 1])))
                        || (char.IsLowSurrogate(c) && (i == 0 || !char.IsHighSurrogate(text[i - 1])));
                    if (c < ' ' || loneSurrogate)
                    {
                        builder.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        builder.Append(c);
                    }

                    break;
            }
        }

        builder.Append('"');
    }

    /// <summary>The order of Object.keys: array-index keys ascending, then the rest as inserted.</summary>
    public static IEnumerable<int> KeyOrder(JsonObject obj)
    {
        List<(uint Index, int Position)>? indexKeys = null;
        for (var i = 0; i < obj.Count; i++)
        {
            if (TryArrayIndex(obj.GetAt(i).Key, out var index))
            {
                (indexKeys ??= []).Add((index, i));
            }
        }

        if (indexKeys is null)
        {
            for (var i = 0; i < obj.Count; i++)
            {
                yield return i;
            }

            yield break;
        }

        indexKeys.Sort((a, b) => a.Index.CompareTo(b.Index));
        foreach (var (_, position) in indexKeys)
        {
            yield return position;
        }

        for (var i = 0; i < obj.Count; i++)
        {
            if (!TryArrayIndex(obj.GetAt(i).Key, out _))
            {
                yield return i;
            }
        }
    }

    /// <summary>Whether a key is a canonical array index ("0", "17", not "017"), as JavaScript orders and matches them.</summary>
    public static bool TryArrayIndex(string key, out uint index)
    {
        index = 0;
        if (key.Length == 0 || key.Length > 10 || (key.Length > 1 && key[0] == '0'))
        {
            return false;
        }

        ulong value = 0;
        foreach (var c in key)
        {
            if (c is < '0' or > '9')
            {
                return false;
            }

            value = (value * 10) + (ulong)(c - '0');
        }

        if (value >= uint.MaxValue)
        {
            return false;
        }

        index = (uint)value;
        return true;
    }

    /// <summary>
    /// AdaptiveExpressions' accessProperty: a falsy instance has nothing; otherwise the first own key
    /// (in Object.keys order) equal to the name ignoring case. Arrays and strings have their indices as keys.
    /// </summary>
    public static Value AccessProperty(Value instance, string name)
    {
        if (!instance.IsTruthy)
        {
            return Value.Undefined;
        }

        switch (instance.Kind)
        {
            case ValueKind.Object:
            {
                // Index-like keys have no case, so matching in stored order gives the same first match.
                var obj = instance.Object;
                for (var i = 0; i < obj.Count; i++)
                {
                    var (key, child) = obj.GetAt(i);
                    if (key.Length == name.Length && string.Equals(key, name, StringComparison.OrdinalIgnoreCase))
                    {
                        return Value.FromNode(child);
                    }
                }

                return Value.Undefined;
            }

            case ValueKind.Array:
                return TryArrayIndex(name, out var index) && index < instance.Array.Count
                    ? Value.FromNode(instance.Array[(int)index])
                    : Value.Undefined;
            case ValueKind.String:
                return TryArrayIndex(name, out var at) && at < instance.String.Length
                    ? Value.FromString(instance.String[(int)at].ToString())
                    : Value.Undefined;
            default:
                return Value.Undefined;
        }
    }

    /// <summary>AdaptiveExpressions' accessIndex: null and undefined give undefined; a bad index or a non-array is an error.</summary>
    public static Value AccessIndex(Value instance, double index, out string? error)
    {
        error = null;
        if (instance.IsNullish)
        {
            return Value.Undefined;
        }

        if (instance.Kind != ValueKind.Array)
        {
            error = $"{ToJsString(instance)} is not a collection.";
            return Value.Undefined;
        }

        if (index >= 0 && index < instance.Array.Count)
        {
            return Value.FromNode(instance.Array[(int)index]);
        }

        error = $"{NumberToString(index)} is out of range for {ToJsString(instance)}";
        return Value.Undefined;
    }

    /// <summary>JavaScript's Number.EPSILON.</summary>
    private const double NumberEpsilon = 2.220446049250313e-16;

    /// <summary>AdaptiveExpressions' commonEquals (==, !=, equals).</summary>
    public static bool CommonEquals(Value a, Value b)
    {
        if (a.IsNullish || b.IsNullish)
        {
            return a.IsNullish && b.IsNullish;
        }

        if (a.Kind == ValueKind.Array && b.Kind == ValueKind.Array)
        {
            if (a.Array.Count != b.Array.Count)
            {
                return false;
            }

            for (var i = 0; i < a.Array.Count; i++)
            {
                if (!CommonEquals(Value.FromNode(a.Array[i]), Value.FromNode(b.Array[i])))
                {
                    return false;
                }
            }

            return true;
        }

        if (a.Kind == ValueKind.Object && b.Kind == ValueKind.Object)
        {
            return a.Object.Count == b.Object.Count && DeepEquals(a, b);
        }

        if (a.Kind == ValueKind.Number && b.Kind == ValueKind.Number && Math.Abs(a.Number - b.Number) < NumberEpsilon)
        {
            return true;
        }

        return StrictEquals(a, b);
    }

    /// <summary>lodash isEqual on plain JSON values.</summary>
    private static bool DeepEquals(Value a, Value b)
    {
        if (a.Kind != b.Kind)
        {
            return false;
        }

        switch (a.Kind)
        {
            case ValueKind.Array:
                if (a.Array.Count != b.Array.Count)
                {
                    return false;
                }

                for (var i = 0; i < a.Array.Count; i++)
                {
                    if (!DeepEquals(Value.FromNode(a.Array[i]), Value.FromNode(b.Array[i])))
                    {
                        return false;
                    }
                }

                return true;
            case ValueKind.Object:
                if (a.Object.Count != b.Object.Count)
                {
                    return false;
                }

                for (var i = 0; i < a.Object.Count; i++)
                {
                    var (key, child) = a.Object.GetAt(i);
                    if (!b.Object.TryGetPropertyValue(key, out var other) || !DeepEquals(Value.FromNode(child), Value.FromNode(other)))
                    {
                        return false;
                    }
                }

                return true;
            case ValueKind.Number:
                return a.Number == b.Number || (double.IsNaN(a.Number) && double.IsNaN(b.Number));
            default:
                return StrictEquals(a, b);
        }
    }

    /// <summary>===, for the values that reach it (no two arrays or objects do).</summary>
    private static bool StrictEquals(Value a, Value b) => a.Kind == b.Kind && a.Kind switch
    {
        ValueKind.Undefined or ValueKind.Null => true,
        ValueKind.Boolean => a.Boolean == b.Boolean,
        ValueKind.Number => a.Number == b.Number,
        ValueKind.String => string.Equals(a.String, b.String, StringComparison.Ordinal),
        ValueKind.Array => ReferenceEquals(a.Array, b.Array),
        _ => ReferenceEquals(a.Object, b.Object),
    };
}

/// <summary>
/// Where the official library would fail with a JavaScript TypeError rather than an evaluation error:
/// the expansion fails, except inside an interpolated string's own error handling.
/// </summary>
internal sealed class ExpressionCrashException(string message) : Exception(message);
