using System.Globalization;
using System.Text;

namespace PmfBot.Bot.Cards.Templating;

/// <summary>A string in the template that cannot be parsed, or uses something outside the supported subset.</summary>
internal sealed class TemplateSyntaxException(string message) : Exception(message);

/// <summary>
/// Splits a template string into text and <c>${...}</c> expressions the way the official library does
/// (it parses the whole string as an AdaptiveExpressions template literal, <c>`...`</c>).
/// </summary>
internal static class StringTemplateParser
{
    /// <summary>Null when the string has no "${" (it stays as it is); otherwise the expression to evaluate.</summary>
    public static Expr? Parse(string text)
    {
        if (!text.Contains("${", StringComparison.Ordinal))
        {
            return null;
        }

        // AdaptiveExpressions always starts the concatenation with an empty string.
        var parts = new List<Expr> { new ConstantExpr(Value.EmptyString) };
        var pending = new StringBuilder();
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (c == '`')
            {
                throw new TemplateSyntaxException(
                    "a backtick in a string with ${...} ends the official library's template literal early; escape it as \\`");
            }

            if (c == '\\' && i + 1 == text.Length)
            {
                throw new TemplateSyntaxException(
                    "a string with ${...} may not end with a backslash: it would escape the closing backtick of the official library's template literal");
            }

            if (c == '\\' && i + 1 < text.Length && text[i + 1] is '`' or '$')
            {
                Flush();
                parts.Add(new ConstantExpr(Value.FromString(text[i + 1].ToString())));
                i += 2;
                continue;
            }

            if (c == '$' && i + 1 < text.Length && text[i + 1] == '{')
            {
                var end = new TemplateMatcher(text).Match(i + 2, any: false);
                if (end > 0)
                {
                    Flush();
                    parts.Add(ParseTemplate(text[i..end]));
                    i = end;
                    continue;
                }
            }

            pending.Append(c);
            i++;
        }

        Flush();

        // "${expr}" alone keeps the expression's own type, unless the expression is a constant.
        return parts.Count == 2 && parts[1] is not ConstantExpr ? parts[1] : new InterpolationExpr(parts);

        void Flush()
        {
            if (pending.Length > 0)
            {
                parts.Add(new ConstantExpr(Value.FromString(pending.ToString())));
                pending.Clear();
            }
        }
    }

    /// <summary>trimExpression, then Expression.parse (which drops one leading '=').</summary>
    private static Expr ParseTemplate(string template)
    {
        var expression = JsSemantics.Trim(template);
        if (expression.StartsWith('$'))
        {
            expression = JsSemantics.Trim(expression[1..]);
        }

        if (expression.StartsWith('{') && expression.EndsWith('}'))
        {
            expression = expression[1..^1];
        }

        expression = JsSemantics.Trim(expression);
        if (expression.StartsWith('='))
        {
            expression = expression[1..];
        }

        return expression.Length == 0 ? new ConstantExpr(Value.EmptyString) : new ExpressionParser(expression).ParseAll();
    }

    /// <summary>
    /// The lexer's TEMPLATE token: "${", then quoted strings or any character but CR, LF, braces, quotes and
    /// backticks, then "}". A quoted string can end at several quotes when backslashes precede them; the
    /// lexer takes the first reading, in its order of preference, that completes the token.
    /// </summary>
    private sealed class TemplateMatcher(string text)
    {
        private readonly Dictionary<int, int> _completions = [];

        private int MatchObject(int position)
        {
            position++;
            while (position < text.Length)
            {
                if (text[position] == '}')
                {
                    return position + 1;
                }

                var c = text[position];
                if (c is '\'' or '"')
                {
                    var ends = QuotedString.Ends(text, position);
                    if (ends.Count == 0)
                    {
                        return -1;
                    }

                    position = ends[0];
                }
                else if (char.IsAsciiLetter(c) || c is '_' or '#' or '@' or '$' or '%')
                {
                    position += c == '@' && position + 1 < text.Length && text[position + 1] == '@' ? 2 : 1;
                    while (position < text.Length && (char.IsAsciiLetterOrDigit(text[position]) || text[position] == '_'))
                    {
                        position++;
                    }
                }
                else
                {
                    return -1;
                }

                if (position >= text.Length || text[position] != ':')
                {
                    return -1;
                }

                position++;
                var valueStart = position;
                while (position < text.Length)
                {
                    var v = text[position];
                    if (v is '\'' or '"')
                    {
                        var ends = QuotedString.Ends(text, position);
                        if (ends.Count == 0)
                        {
                            return -1;
                        }

                        position = ends[0];
                    }
                    else if (v == '{')
                    {
                        position = MatchObject(position);
                        if (position < 0)
                        {
                            return -1;
                        }
                    }
                    else if (v is '}' or '\r' or '\n' or '`')
                    {
                        break;
                    }
                    else
                    {
                        position++;
                    }
                }

                if (position == valueStart)
                {
                    return -1;
                }
            }

            return -1;
        }

        public int Match(int position, bool any)
        {
            var memoised = any;
            if (memoised && _completions.TryGetValue(position, out var known))
            {
                return known;
            }

            var start = position;
            var result = -1;
            while (position < text.Length)
            {
                var c = text[position];
                if (c == '}')
                {
                    result = any ? position + 1 : -1;
                    break;
                }

                if (c is '\r' or '\n' or '`')
                {
                    break;
                }

                if (c == '{')
                {
                    // An object literal; the expression parser rejects it later. If it is not one, nor is this a template.
                    position = MatchObject(position);
                    if (position < 0)
                    {
                        break;
                    }

                    any = true;
                    continue;
                }

                if (c is '\'' or '"')
                {
                    foreach (var end in QuotedString.Ends(text, position))
                    {
                        result = Match(end, any: true);
                        if (result > 0)
                        {
                            break;
                        }
                    }

                    break;
                }

                position++;
                any = true;
            }

            if (memoised)
            {
                _completions[start] = result;
            }

            return result;
        }
    }
}

/// <summary>The STRING token: 'text' or "text", where \' (or \") and \\ may be escapes.</summary>
internal static class QuotedString
{
    /// <summary>The positions just after each quote that can close the string, in the lexer's order of preference.</summary>
    public static List<int> Ends(string text, int start)
    {
        var quote = text[start];
        var ends = new List<int>();
        var visited = new HashSet<int>();
        Walk(start + 1);
        return ends;

        void Walk(int k)
        {
            while (k < text.Length && visited.Add(k))
            {
                var c = text[k];
                if (c == '\\' && k + 1 < text.Length && (text[k + 1] == quote || text[k + 1] == '\\'))
                {
                    Walk(k + 2); // preferred: an escape
                    k++; // otherwise: the backslash is a plain character
                    continue;
                }

                if (c == quote)
                {
                    if (!ends.Contains(k + 1))
                    {
                        ends.Add(k + 1);
                    }

                    return;
                }

                k++;
            }
        }
    }

    /// <summary>The string's value: quotes off, \' (or \") unescaped, then \n \r \t \\ (other escapes stay as written).</summary>
    public static string Unquote(string token)
    {
        var quote = token[0];
        var inner = token[1..^1].Replace(quote == '\'' ? "\\'" : "\\\"", quote.ToString(), StringComparison.Ordinal);
        if (!inner.Contains('\\'))
        {
            return inner;
        }

        var builder = new StringBuilder(inner.Length);
        for (var i = 0; i < inner.Length; i++)
        {
            if (inner[i] == '\\' && i + 1 < inner.Length && inner[i + 1] is not ('\r' or '\n'))
            {
                var next = inner[i + 1];
                switch (next)
                {
                    case 'r':
                        builder.Append('\r');
                        break;
                    case 'n':
                        builder.Append('\n');
                        break;
                    case 't':
                        builder.Append('\t');
                        break;
                    case '\\':
                        builder.Append('\\');
                        break;
                    default:
                        builder.Append('\\').Append(next);
                        break;
                }

                i++;
            }
            else
            {
                builder.Append(inner[i]);
            }
        }

        return builder.ToString();
    }
}

/// <summary>
/// Parses one expression with AdaptiveExpressions' grammar and precedence (tightest first: unary !,
/// then +, then == and !=, then &lt; &lt;= &gt; &gt;=, then &amp;&amp;, then ||), keeping to the supported
/// subset: anything else the grammar allows is rejected with a clear message.
/// </summary>
internal sealed class ExpressionParser
{
    private static readonly Dictionary<string, (Function Function, string Type, ReturnType Returns)> Functions = new(StringComparer.Ordinal)
    {
        ["if"] = (Function.If, "if", ReturnType.Object),
        ["count"] = (Function.Count, "count", ReturnType.Number),
        ["empty"] = (Function.Empty, "empty", ReturnType.Boolean),
        ["equals"] = (Function.Equal, "==", ReturnType.Boolean),
        ["not"] = (Function.Not, "!", ReturnType.Boolean),
        ["and"] = (Function.And, "&&", ReturnType.Boolean),
        ["or"] = (Function.Or, "||", ReturnType.Boolean),
        ["concat"] = (Function.Concat, "concat", ReturnType.String | ReturnType.Array),
        ["string"] = (Function.String, "string", ReturnType.String),
        ["length"] = (Function.Length, "length", ReturnType.Number),
        ["toUpper"] = (Function.ToUpper, "toUpper", ReturnType.String),
        ["toLower"] = (Function.ToLower, "toLower", ReturnType.String),
        ["join"] = (Function.Join, "join", ReturnType.String),
        ["formatNumber"] = (Function.FormatNumber, "formatNumber", ReturnType.String),
    };

    private static readonly string SupportedFunctions = string.Join(", ", Functions.Keys);

    private readonly string _text;
    private readonly List<Token> _tokens;
    private int _next;

    public ExpressionParser(string text)
    {
        _text = text;
        _tokens = Tokenize(text);
    }

    private enum TokenKind
    {
        Number,
        String,
        Identifier,
        Symbol,
        End,
    }

    public Expr ParseAll()
    {
        var expr = ParseExpression();
        if (Peek.Kind != TokenKind.End)
        {
            throw Syntax($"unexpected '{Peek.Text}'");
        }

        return expr;
    }

    private Token Peek => _tokens[_next];

    private Expr ParseExpression()
    {
        var expr = ParseBinary(Level.Or);
        if (Peek.Is("??"))
        {
            throw Unsupported("the ?? operator");
        }

        if (Peek.Is("?"))
        {
            throw Unsupported("the ?: operator (use if(condition, a, b))");
        }

        return expr;
    }

    private enum Level
    {
        Unary,
        Power,
        Multiply,
        Add,
        Equality,
        Ampersand,
        Relational,
        And,
        Or,
    }

    private Expr ParseBinary(Level level)
    {
        if (level == Level.Unary)
        {
            return ParseUnary();
        }

        var left = ParseBinary(level - 1);
        while (true)
        {
            var op = Peek;
            if (op.Kind != TokenKind.Symbol || !IsOperatorOf(level, op.Text))
            {
                return left;
            }

            _next++;
            var right = ParseBinary(level - 1);
            left = op.Text switch
            {
                "+" => MakeCall("+", Function.Add, "+", ReturnType.String | ReturnType.Number, [left, right]),
                "==" => MakeCall("==", Function.Equal, "==", ReturnType.Boolean, [left, right]),
                "!=" => MakeCall("!=", Function.NotEqual, "!=", ReturnType.Boolean, [left, right]),
                "<" => MakeCall("<", Function.LessThan, "<", ReturnType.Boolean, [left, right]),
                "<=" => MakeCall("<=", Function.LessThanOrEqual, "<=", ReturnType.Boolean, [left, right]),
                ">" => MakeCall(">", Function.GreaterThan, ">", ReturnType.Boolean, [left, right]),
                ">=" => MakeCall(">=", Function.GreaterThanOrEqual, ">=", ReturnType.Boolean, [left, right]),
                "&&" => MakeCall("&&", Function.And, "&&", ReturnType.Boolean, [left, right]),
                "||" => MakeCall("||", Function.Or, "||", ReturnType.Boolean, [left, right]),
                "<>" => throw Unsupported("the <> operator (use !=)"),
                _ => throw Unsupported($"the {op.Text} operator"),
            };
        }
    }

    private static bool IsOperatorOf(Level level, string op) => level switch
    {
        Level.Power => op == "^",
        Level.Multiply => op is "*" or "/" or "%",
        Level.Add => op is "+" or "-",
        Level.Equality => op is "==" or "!=" or "<>",
        Level.Ampersand => op == "&",
        Level.Relational => op is "<" or "<=" or ">" or ">=",
        Level.And => op == "&&",
        Level.Or => op == "||",
        _ => false,
    };

    private Expr ParseUnary()
    {
        if (Peek.Is("!"))
        {
            _next++;
            return MakeCall("!", Function.Not, "!", ReturnType.Boolean, [ParseUnary()]);
        }

        if (Peek.Is("-") || Peek.Is("+"))
        {
            throw Unsupported($"unary {Peek.Text}");
        }

        return ParsePostfix();
    }

    private Expr ParsePostfix()
    {
        var start = _next;
        var expr = ParseAtom();
        while (true)
        {
            if (Peek.Is("."))
            {
                _next++;
                if (Peek.Kind != TokenKind.Identifier)
                {
                    throw Syntax($"a property name must follow '.', not '{Peek.Text}'");
                }

                var name = _tokens[_next++].Text;
                if ((expr.ReturnType & ReturnType.Object) == 0)
                {
                    throw Syntax($"{expr}.{name} must have an object as its second argument");
                }

                expr = new AccessorExpr(name, expr);
            }
            else if (Peek.Is("["))
            {
                _next++;
                var index = ParseExpression();
                Expect("]");
                expr = new ElementExpr(expr, index);
            }
            else if (Peek.Is("(") || (Peek.Is("!") && _tokens[_next + 1].Is("(")))
            {
                var name = string.Concat(_tokens.Skip(start).Take(_next - start).Select(t => t.Text));
                if (Peek.Is("!"))
                {
                    name += "!";
                    _next++;
                }

                _next++;
                var args = new List<Expr>();
                if (!Peek.Is(")"))
                {
                    args.Add(ParseArgument());
                    while (Peek.Is(","))
                    {
                        _next++;
                        args.Add(ParseArgument());
                    }
                }

                Expect(")");
                expr = MakeFunction(name, [.. args]);
            }
            else
            {
                return expr;
            }
        }
    }

    private Expr ParseArgument()
    {
        if (Peek.Kind == TokenKind.Identifier && _tokens[_next + 1].Is("=>"))
        {
            throw Unsupported("lambda arguments (x => ...)");
        }

        return ParseExpression();
    }

    private Expr ParseAtom()
    {
        var token = _tokens[_next];
        switch (token.Kind)
        {
            case TokenKind.Number:
                _next++;
                return new ConstantExpr(Value.FromNumber(double.Parse(token.Text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture)));
            case TokenKind.String:
                _next++;
                return new ConstantExpr(Value.FromString(QuotedString.Unquote(token.Text)));
            case TokenKind.Identifier:
                _next++;
                return token.Text switch
                {
                    "true" => new ConstantExpr(Value.True),
                    "false" => new ConstantExpr(Value.False),
                    "null" => new ConstantExpr(Value.Null),
                    "undefined" => new ConstantExpr(Value.Undefined),
                    _ => new AccessorExpr(token.Text, null),
                };
            case TokenKind.Symbol when token.Text == "(":
            {
                _next++;
                var inner = ParseExpression();
                Expect(")");
                return inner;
            }

            case TokenKind.Symbol when token.Text == "[":
                throw Unsupported("array literals ([...])");
            case TokenKind.Symbol when token.Text == "{":
                throw Unsupported("object literals ({...})");
            case TokenKind.Symbol when token.Text == "`":
                throw Unsupported("nested template strings (`...`)");
            case TokenKind.End:
                throw Syntax("the expression ends too early");
            default:
                throw Syntax($"unexpected '{token.Text}'");
        }
    }

    private Expr MakeFunction(string name, Expr[] args)
    {
        if (!Functions.TryGetValue(name, out var function))
        {
            throw Unsupported($"the function '{name}' (supported: {SupportedFunctions})");
        }

        return MakeCall(name, function.Function, function.Type, function.Returns, args);
    }

    /// <summary>Builds a call and checks it as AdaptiveExpressions' validators do when the template loads.</summary>
    private Expr MakeCall(string name, Function function, string type, ReturnType returns, Expr[] args)
    {
        var call = new CallExpr(function, type, returns, args);
        switch (function)
        {
            case Function.Add:
                Arity(2, int.MaxValue);
                Types(ReturnType.String | ReturnType.Number, ReturnType.String | ReturnType.Number);
                break;
            case Function.Equal or Function.NotEqual or Function.LessThan or Function.LessThanOrEqual
                or Function.GreaterThan or Function.GreaterThanOrEqual:
                Arity(2, 2);
                break;
            case Function.And or Function.Or or Function.Concat:
                Arity(1, int.MaxValue);
                break;
            case Function.Not or Function.Empty:
                Arity(1, 1);
                break;
            case Function.If:
                Arity(3, 3);
                break;
            case Function.Count:
                Arity(1, 1);
                Types(ReturnType.String | ReturnType.Array);
                break;
            case Function.String:
                NoLocale(1);
                Arity(1, 1);
                break;
            case Function.Length:
                Arity(1, 1);
                Types(ReturnType.String);
                break;
            case Function.ToUpper or Function.ToLower:
                NoLocale(1);
                Arity(1, 1);
                Types(ReturnType.String);
                break;
            case Function.Join:
                Arity(2, 3);
                Types(ReturnType.Array, ReturnType.String, ReturnType.String);
                break;
            case Function.FormatNumber:
                NoLocale(2);
                Arity(2, 2);
                Types(ReturnType.Number, ReturnType.Number);
                break;
        }

        return call;

        void Arity(int min, int max)
        {
            if (args.Length < min || args.Length > max)
            {
                throw Syntax(min == max
                    ? $"{call} should have {min} argument(s)"
                    : max == int.MaxValue ? $"{call} should have at least {min} argument(s)" : $"{call} should have {min} to {max} arguments");
            }
        }

        void NoLocale(int arity)
        {
            if (args.Length == arity + 1)
            {
                throw Unsupported($"the locale argument of {name}() (cards use the bot's en-GB formatting)");
            }
        }

        // A child whose type is known (not Object) must be one the function takes.
        void Types(params ReturnType[] expected)
        {
            for (var i = 0; i < args.Length; i++)
            {
                var want = expected[Math.Min(i, expected.Length - 1)];
                if ((args[i].ReturnType & ReturnType.Object) == 0 && (want & args[i].ReturnType) == 0)
                {
                    throw Syntax($"{args[i]} is not a {want} expression in {call}");
                }
            }
        }
    }

    private void Expect(string symbol)
    {
        if (!Peek.Is(symbol))
        {
            throw Syntax(Peek.Kind == TokenKind.End ? $"'{symbol}' expected at the end" : $"'{symbol}' expected, not '{Peek.Text}'");
        }

        _next++;
    }

    private TemplateSyntaxException Syntax(string message) => new($"syntax error in '{_text}': {message}");

    private TemplateSyntaxException Unsupported(string what) => new($"'{_text}' uses {what}, which PmfBot's templating does not support");

    private static List<Token> Tokenize(string text)
    {
        var tokens = new List<Token>();
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (c is ' ' or '\t' or '\ufeff' or '\u00a0' or '\n' || (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n'))
            {
                i += c == '\r' ? 2 : 1;
                continue;
            }

            var start = i;
            if (char.IsAsciiDigit(c))
            {
                while (i < text.Length && char.IsAsciiDigit(text[i]))
                {
                    i++;
                }

                if (i + 1 < text.Length && text[i] == '.' && char.IsAsciiDigit(text[i + 1]))
                {
                    i++;
                    while (i < text.Length && char.IsAsciiDigit(text[i]))
                    {
                        i++;
                    }
                }

                tokens.Add(new Token(TokenKind.Number, text[start..i]));
                continue;
            }

            if (c is '\'' or '"')
            {
                var ends = QuotedString.Ends(text, i);
                if (ends.Count == 0)
                {
                    throw new TemplateSyntaxException($"syntax error in '{text}': the string starting at position {i} is not closed");
                }

                i = ends[0];
                tokens.Add(new Token(TokenKind.String, text[start..i]));
                continue;
            }

            var identifierStart = char.IsAsciiLetter(c) || c is '_' or '#' or '@' or '$'
                || (c == '%' && i + 1 < text.Length && IsIdentifierPart(text[i + 1]));
            if (identifierStart)
            {
                i++;
                if (c == '@' && i < text.Length && text[i] == '@')
                {
                    i++;
                }

                while (i < text.Length && IsIdentifierPart(text[i]))
                {
                    i++;
                }

                tokens.Add(new Token(TokenKind.Identifier, text[start..i]));
                continue;
            }

            var two = i + 1 < text.Length ? text.Substring(i, 2) : "";
            if (two is "==" or "!=" or "<>" or "<=" or ">=" or "&&" or "||" or "=>" or "??")
            {
                tokens.Add(new Token(TokenKind.Symbol, two));
                i += 2;
                continue;
            }

            if ("+-!^*/%&<>().[]{},:?`".Contains(c))
            {
                tokens.Add(new Token(TokenKind.Symbol, c.ToString()));
                i++;
                continue;
            }

            throw new TemplateSyntaxException($"syntax error in '{text}': unexpected character '{c}' at position {i}");
        }

        tokens.Add(new Token(TokenKind.End, ""));
        tokens.Add(new Token(TokenKind.End, ""));
        return tokens;

        static bool IsIdentifierPart(char c) => char.IsAsciiLetterOrDigit(c) || c == '_';
    }

    private readonly record struct Token(TokenKind Kind, string Text)
    {
        public bool Is(string symbol) => Kind == TokenKind.Symbol && Text == symbol;
    }
}
