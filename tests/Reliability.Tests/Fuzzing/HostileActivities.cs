using System.Text;
using System.Text.Json.Nodes;

namespace PmfBot.Reliability.Tests.Fuzzing;

/// <summary>What a hostile case does to a valid-looking activity.</summary>
public enum Hostility
{
    /// <summary>Left as the bot sent it (the control group: legitimate cases may change data, with their audit lines).</summary>
    None,
    WrongType,
    NumberAsString,
    HugeString,
    DeepJson,
    InvalidUnicode,
    Nulls,
    MissingIds,
    UnknownTypes,
    DuplicateKeys,
    NaNAndInfinity,
    MalformedDates,
    OutOfRangeInputs,
}

/// <summary>A valid-looking activity to mutate: a message, a conversation update, or a click on a button the bot really sent.</summary>
public sealed record ActivityTemplate(string Name, JsonObject Activity);

/// <summary>One generated request body, with what was done to it (for the failure message and the statistics).</summary>
public sealed record HostileCase(int Index, Hostility Hostility, string Template, string Mutation, byte[] Body)
{
    public override string ToString() => $"case {Index} ({Hostility}: {Mutation}; template {Template}; {Body.Length} bytes)";
}

/// <summary>
/// A deterministic generator of hostile /api/messages bodies. Case <c>i</c> of seed <c>s</c> depends
/// only on <c>(s, i)</c> and the templates, so a failing case is replayed alone with
/// <c>PMF_FUZZ_SEED=s PMF_FUZZ_CASE=i</c>. Hostilities are dealt round-robin, so every category gets
/// the same share of the cases.
/// </summary>
public sealed class HostileActivities(int seed, IReadOnlyList<ActivityTemplate> templates, int maxBodyBytes)
{
    private static readonly Hostility[] Deck = Enum.GetValues<Hostility>();

    // Placeholders replaced in the serialised text by what JsonNode cannot hold (raw tokens, bad bytes).
    private const string RawMarker = "__pmf_raw_";
    private const string DuplicateMarker = "__pmf_duplicate_";

    public HostileCase Case(int index)
    {
        var random = new Random(unchecked((seed * 1_000_003) + index));
        var hostility = Deck[index % Deck.Length];
        var template = templates[random.Next(templates.Count)];
        var activity = template.Activity.DeepClone().AsObject();
        activity["id"] = $"fuzz-{seed}-{index}";
        var mutation = new Mutation(random, activity, maxBodyBytes);
        var description = hostility switch
        {
            Hostility.None => "none",
            Hostility.WrongType => mutation.WrongType(),
            Hostility.NumberAsString => mutation.NumbersAsStrings(),
            Hostility.HugeString => mutation.HugeString(),
            Hostility.DeepJson => mutation.DeepJson(),
            Hostility.InvalidUnicode => mutation.InvalidUnicode(),
            Hostility.Nulls => mutation.Nulls(),
            Hostility.MissingIds => mutation.MissingIds(),
            Hostility.UnknownTypes => mutation.UnknownTypes(),
            Hostility.DuplicateKeys => mutation.DuplicateKeys(),
            Hostility.NaNAndInfinity => mutation.NaNAndInfinity(),
            Hostility.MalformedDates => mutation.MalformedDates(),
            Hostility.OutOfRangeInputs => mutation.OutOfRangeInputs(),
            _ => throw new InvalidOperationException(hostility.ToString()),
        };
        return new HostileCase(index, hostility, template.Name, description, mutation.Body());
    }

    /// <summary>The mutations of one case, all drawing on the case's own random source.</summary>
    private sealed class Mutation(Random random, JsonObject activity, int maxBodyBytes)
    {
        // Never pointed elsewhere by a generic mutation: in local mode the bot replies to the serviceUrl it is given.
        private static readonly HashSet<string> Protected = ["serviceUrl"];

        private readonly List<(string Marker, byte[] Raw)> _raw = [];
        private readonly List<(string Marker, string Key)> _duplicates = [];

        public byte[] Body()
        {
            var text = activity.ToJsonString();
            foreach (var (marker, key) in _duplicates)
                text = text.Replace(Quoted(marker), Quoted(key), StringComparison.Ordinal);
            var bytes = Encoding.UTF8.GetBytes(text);
            foreach (var (marker, raw) in _raw)
                bytes = Replace(bytes, Encoding.UTF8.GetBytes(Quoted(marker)), raw);
            return bytes;
        }

        public string WrongType()
        {
            var (parent, key, path) = PickPath(Leaves().Concat(Containers()));
            var replacement = Pick<JsonNode?>(
                12345, -1, 0.5, true, false, new JsonArray(), new JsonObject(), new JsonArray(1, "a", null), new JsonObject { ["x"] = 1 }, "text", "");
            Set(parent, key, replacement);
            return $"{path} := {Describe(replacement)}";
        }

        public string NumbersAsStrings()
        {
            var changed = new List<string>();
            foreach (var (parent, key, path) in Leaves().Where(_ => random.Next(3) == 0).ToList())
            {
                var value = Get(parent, key);
                if (value is JsonValue v && v.TryGetValue<string>(out var text))
                {
                    JsonNode? number = decimal.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, out var d) ? JsonValue.Create(d)
                        : Guid.TryParse(text, out _) ? JsonValue.Create(random.Next())
                        : null;
                    if (number is null)
                        continue;
                    Set(parent, key, number);
                    changed.Add($"{path} as number");
                }
                else if (value is JsonValue n && n.TryGetValue<double>(out var x))
                {
                    Set(parent, key, Pick<JsonNode?>(x.ToString(System.Globalization.CultureInfo.InvariantCulture), $" {x} ", $"{x}.0", "1e3", "0x10"));
                    changed.Add($"{path} as string");
                }
            }

            // The ids and counters the card handlers read, in the other type whatever they were.
            foreach (var field in new[] { "version", "page", "returnId", "priorityId", "periodKey", "directorateId" })
            {
                if (Data() is { } data && data.ContainsKey(field) && random.Next(2) == 0)
                {
                    data[field] = Pick<JsonNode?>(3, -1, 2147483648L, 1.5, "3", "03", " 3");
                    changed.Add($"data.{field} retyped");
                }
            }

            if (Data()?["returns"] is JsonArray returns)
            {
                foreach (var r in returns.OfType<JsonObject>())
                {
                    r["version"] = Pick<JsonNode?>(int.TryParse(r["version"]?.ToString(), out var version) ? version : 1, "1.0", 1e3);
                    if (random.Next(2) == 0)
                        r["returnId"] = random.Next();
                }

                changed.Add("data.returns[] retyped");
            }

            return changed.Count == 0 ? WrongType() : string.Join(", ", changed);
        }

        public string HugeString()
        {
            var (parent, key, path) = PickPath(Leaves().Where(l => Get(l.Parent, l.Key) is JsonValue v && v.TryGetValue<string>(out _)));
            var kind = random.Next(4);
            var size = kind switch
            {
                0 => 64 * 1024,
                1 => maxBodyBytes - 4 * 1024, // near the limit, under it
                2 => maxBodyBytes + 1, // just over
                _ => 300 * 1024, // well over
            };
            var unit = Pick("x", "é", "€", "😀", "<at>PmfBot</at> ", "\"", "\\", "\n", "a b ");
            var bytesPerUnit = Encoding.UTF8.GetByteCount(System.Text.Json.JsonSerializer.Serialize(unit)) - 2;
            var huge = string.Concat(Enumerable.Repeat(unit, Math.Max(1, size / Math.Max(1, bytesPerUnit))));
            Set(parent, key, huge);
            return $"{path} := {size / 1024} KB of '{unit.Trim()}'";
        }

        public string DeepJson()
        {
            var (parent, key, path) = PickPath(Leaves().Concat(Containers()));
            var depth = Pick(40, 65, 1000, 10_000);
            var array = random.Next(2) == 0;
            var open = array ? "[" : "{\"a\":";
            var close = array ? "]" : "}";
            var deep = new StringBuilder();
            for (var i = 0; i < depth; i++)
                deep.Append(open);
            deep.Append('1');
            for (var i = 0; i < depth; i++)
                deep.Append(close);
            SetRaw(parent, key, Encoding.UTF8.GetBytes(deep.ToString()));
            return $"{path} := {(array ? "arrays" : "objects")} nested {depth} deep";
        }

        public string InvalidUnicode()
        {
            var (parent, key, path) = PickPath(Leaves().Where(l => Get(l.Parent, l.Key) is JsonValue v && v.TryGetValue<string>(out _)));
            var original = Get(parent, key)!.ToString();
            var (name, raw) = Pick(
                ("lone high surrogate escape", Encoding.ASCII.GetBytes("\"" + original + "\\ud800\"")),
                ("lone low surrogate escape", Encoding.ASCII.GetBytes("\"\\udfff" + original + "\"")),
                ("reversed surrogate pair", Encoding.ASCII.GetBytes("\"\\ude00\\ud83d\"")),
                ("invalid UTF-8 byte 0xFF", [(byte)'"', 0xFF, .. Encoding.UTF8.GetBytes(original), (byte)'"']),
                ("overlong UTF-8 '/'", [(byte)'"', 0xC0, 0xAF, (byte)'"']),
                ("UTF-8-encoded surrogate", [(byte)'"', 0xED, 0xA0, 0x80, (byte)'"']),
                ("truncated UTF-8 sequence", [(byte)'"', .. Encoding.UTF8.GetBytes(original), 0xE2, 0x82, (byte)'"']),
                ("NUL and control characters", Encoding.ASCII.GetBytes("\"a\\u0000b\\u0007c\\u001b[31m\"")),
                ("raw control byte", [(byte)'"', (byte)'a', 0x01, (byte)'"']),
                ("right-to-left override", Encoding.UTF8.GetBytes("\"\u202E" + original + "\"")));
            SetRaw(parent, key, raw);
            return $"{path} := {name}";
        }

        public string Nulls()
        {
            var candidates = Leaves().Concat(Containers()).ToList();
            var count = 1 + random.Next(3);
            var paths = new List<string>();
            for (var i = 0; i < count && candidates.Count > 0; i++)
            {
                var (parent, key, path) = PickPath(candidates);
                Set(parent, key, null);
                paths.Add(path);
                candidates = Leaves().Concat(Containers()).ToList();
            }

            return string.Join(", ", paths) + " := null";
        }

        public string MissingIds()
        {
            string[] ids =
            [
                "id", "type", "channelId", "serviceUrl", "conversation.id", "conversation", "from", "from.id", "from.aadObjectId", "recipient.id",
                "channelData.tenant.id", "channelData", "replyToId", "name", "value", "value.action", "value.action.verb", "value.action.data",
                "value.action.data.returnId", "value.action.data.priorityId", "value.action.data.periodKey", "value.action.data.version",
                "value.action.data.returns", "value.action.data.directorateId", "value.action.data.cardKind",
            ];
            var present = ids.Where(p => Find(p) is not null).ToList();
            var removed = present.Where(_ => random.Next(3) == 0).DefaultIfEmpty(present[random.Next(present.Count)]).ToList();
            foreach (var path in removed)
            {
                if (Find(path) is { } found)
                    found.Parent.Remove(found.Key);
            }

            if (Data()?["returns"] is JsonArray returns && random.Next(2) == 0)
            {
                foreach (var r in returns.OfType<JsonObject>())
                    r.Remove(Pick("returnId", "version"));
                removed.Add("data.returns[].returnId|version");
            }

            return "removed " + string.Join(", ", removed);
        }

        public string UnknownTypes()
        {
            switch (random.Next(7))
            {
                case 0:
                    activity["type"] = Pick("Message", "MESSAGE", "messageX", "trace", "typing", "endOfConversation", "handoff", "delay", "suggestion", " message", "invoke\u0000");
                    return $"type := {activity["type"]}";
                case 1:
                    activity["type"] = "invoke";
                    activity["name"] = Pick("task/fetch", "task/submit", "composeExtension/query", "signin/verifyState", "adaptiveCard/actionX", "ADAPTIVECARD/ACTION", "", "healthCheck");
                    return $"invoke name := {activity["name"]}";
                case 2 when Action() is { } action:
                    action["type"] = Pick("Action.Submit", "Action.OpenUrl", "Action.ToggleVisibility", "Action.Execute ", "");
                    return $"action.type := {action["type"]}";
                case 3 when Action() is { } action:
                    action["verb"] = Pick("returns.delete", "RETURNS.SUBMIT", "returns.submit ", "admin.reset", "../../etc/passwd", "rating.approve\u0000", "signoff.all;drop table returns");
                    return $"verb := {action["verb"]}";
                case 4:
                    activity["conversation"] ??= new JsonObject();
                    activity["conversation"]!["conversationType"] = Pick("bogus", "CHANNEL", "groupChat", "channel", "");
                    return $"conversationType := {activity["conversation"]!["conversationType"]}";
                case 5:
                    activity["channelId"] = Pick("slack", "webchat", "directline", "MSTEAMS", "emulator");
                    return $"channelId := {activity["channelId"]}";
                default:
                    activity["entities"] = new JsonArray(
                        new JsonObject { ["type"] = "mention", ["mentioned"] = "not an account", ["text"] = 5 },
                        new JsonObject { ["type"] = "clientInfo", ["locale"] = new JsonArray() },
                        new JsonObject { ["type"] = Pick("unknownEntity", "", "mention") });
                    return "entities of unknown and malformed types";
            }
        }

        public string DuplicateKeys()
        {
            var (target, key, path) = random.Next(3) switch
            {
                0 => (activity, "type", "type"),
                1 when Action() is { } a => (a, "verb", "value.action.verb"),
                _ when Data() is { } d && d.Count > 0 => (d, d.ElementAt(random.Next(d.Count)).Key, "value.action.data." + d.ElementAt(0).Key),
                _ => (activity, "conversation", "conversation"),
            };
            if (target.ContainsKey(key) && Data() is { } data && target == data)
                path = "value.action.data." + key;
            var other = Pick<JsonNode?>("message", "invoke", "rating.approve", "returns.submit", 1, null, new JsonObject { ["id"] = "a:someone-else" });
            var marker = DuplicateMarker + _duplicates.Count;
            var first = random.Next(2) == 0;
            var copy = new JsonObject();
            if (first)
                copy[marker] = other;
            foreach (var (k, v) in target.ToList())
            {
                target.Remove(k);
                copy[k] = v;
            }

            if (!first)
                copy[marker] = other;
            foreach (var (k, v) in copy.ToList())
            {
                copy.Remove(k);
                target[k] = v;
            }

            _duplicates.Add((marker, key));
            return $"{path} twice ({(first ? "bogus first" : "bogus last")}: {Describe(other)})";
        }

        public string NaNAndInfinity()
        {
            var (parent, key, path) = PickPath(Leaves().Concat(Containers()));
            var token = Pick("NaN", "Infinity", "-Infinity", "1e999", "-1e999", "1e-999", "01", "+1", ".5", "1.", "0x10", "\"NaN\"", "\"Infinity\"", "\"-Infinity\"", "\"1e400\"", "-0", "99999999999999999999999999999999");
            SetRaw(parent, key, Encoding.ASCII.GetBytes(token));
            return $"{path} := {token}";
        }

        public string MalformedDates()
        {
            var date = Pick<JsonNode?>(
                "not a date", "2025-13-45T25:61:61Z", "", 0, 1_764_000_000, "9999-12-31T23:59:59.9999999+14:00", "0001-01-01T00:00:00-14:00",
                "2025-11-24", "24/11/2025", "2025-11-24T10:00:00+99:00", "2025-02-30T00:00:00Z", new JsonArray(2025, 11, 24), true);
            var field = Pick("timestamp", "localTimestamp", "expiration");
            activity[field] = date;
            if (Data() is { } data && random.Next(2) == 0)
            {
                var dateField = Pick("dueDate", "date", "periodKey", "due");
                data[dateField] = date?.DeepClone();
                return $"{field} and data.{dateField} := {Describe(date)}";
            }

            return $"{field} := {Describe(date)}";
        }

        public string OutOfRangeInputs()
        {
            var data = Data();
            if (data is null)
                return WrongType();

            var changed = new List<string>();
            foreach (var (key, _) in data.ToList())
            {
                var field = key.Contains('.', StringComparison.Ordinal) ? key[(key.LastIndexOf('.') + 1)..] : key;
                JsonNode? value = field switch
                {
                    "value" => Pick<JsonNode?>("1e30", "-1e30", "99999999999999999999.99", "79228162514264337593543950336", "-0", "0.00000000000000000000001", "1,2,3", "١٢٣", "12 345", "85%%", "  ", "1e5", "-", "."),
                    "notAvailable" => Pick<JsonNode?>("true", "TRUE", "yes", true, 1, "on"),
                    "notAvailableReason" or "overrideReason" or "reason" => Pick<JsonNode?>("", " ", new string('r', 501), new string('r', 20_000)),
                    "overrideRag" or "rating" or "amendedRating" => Pick<JsonNode?>("Purple", "green", "GREEN ", "Blue", "Amber", "none", "Green,Red", "Grey"),
                    "commentary" or "actionsDelivered" or "actionsPlanned" or "summary" or "comment" or "concerns" or "note" or "sendBackComment" =>
                        Pick<JsonNode?>("", new string('c', 2001), new string('c', 100_000), "KPI KPI KPI", "\u00a0\u2003"),
                    "page" => Pick<JsonNode?>("-1", "0", "2147483647", "999999999999", "abc", -5),
                    "version" => Pick<JsonNode?>("-1", "999999999", "1.5", "", "2147483648"),
                    "periodKey" => Pick<JsonNode?>("2025-26-Q9", "1999-00-Q1", "9999-10000-Q1", "2025-26-M13", "2025-26-H3", "2025-26", ""),
                    "progress" or "status" => Pick<JsonNode?>("Done", "Purple", "", "Complete;", "100%"),
                    _ => null,
                };
                if (value is null || random.Next(3) == 0)
                    continue;
                data[key] = value;
                changed.Add($"{key} := {Describe(value)}");
            }

            if (changed.Count == 0)
            {
                var key = data.Count > 0 ? data.ElementAt(random.Next(data.Count)).Key : "value";
                data[key] = Pick<JsonNode?>("-1", "1e30", new string('z', 5000));
                changed.Add($"{key} := out of range");
            }

            return string.Join(", ", changed);
        }

        private JsonObject? Action() => activity["value"] is JsonObject value ? value["action"] as JsonObject : null;

        private JsonObject? Data() => Action()?["data"] as JsonObject;

        private (JsonObject Parent, string Key)? Find(string path)
        {
            JsonObject? parent = null;
            JsonNode? node = activity;
            var last = "";
            foreach (var part in path.Split('.'))
            {
                if (node is not JsonObject obj || !obj.ContainsKey(part))
                    return null;
                parent = obj;
                last = part;
                node = obj[part];
            }

            return parent is null ? null : (parent, last);
        }

        private List<(JsonNode Parent, object Key, string Path)> Leaves() =>
            Walk(activity, "").Where(w => Get(w.Parent, w.Key) is JsonValue or null).ToList();

        private List<(JsonNode Parent, object Key, string Path)> Containers() =>
            Walk(activity, "").Where(w => Get(w.Parent, w.Key) is JsonObject or JsonArray).ToList();

        private static IEnumerable<(JsonNode Parent, object Key, string Path)> Walk(JsonNode node, string prefix)
        {
            switch (node)
            {
                case JsonObject obj:
                    foreach (var (key, value) in obj.ToList())
                    {
                        if (prefix.Length == 0 && Protected.Contains(key))
                            continue;
                        var path = prefix.Length == 0 ? key : prefix + "." + key;
                        yield return (obj, key, path);
                        if (value is not null)
                        {
                            foreach (var inner in Walk(value, path))
                                yield return inner;
                        }
                    }

                    break;
                case JsonArray array:
                    for (var i = 0; i < array.Count; i++)
                    {
                        var path = $"{prefix}[{i}]";
                        yield return (array, i, path);
                        if (array[i] is { } item)
                        {
                            foreach (var inner in Walk(item, path))
                                yield return inner;
                        }
                    }

                    break;
            }
        }

        private static JsonNode? Get(JsonNode parent, object key) =>
            parent is JsonObject o ? o[(string)key] : parent.AsArray()[(int)key];

        private static void Set(JsonNode parent, object key, JsonNode? value)
        {
            if (parent is JsonObject o)
                o[(string)key] = value;
            else
                parent.AsArray()[(int)key] = value;
        }

        private void SetRaw(JsonNode parent, object key, byte[] raw)
        {
            var marker = RawMarker + _raw.Count;
            Set(parent, key, marker);
            _raw.Add((marker, raw));
        }

        private T Pick<T>(params T[] choices) => choices[random.Next(choices.Length)];

        private (JsonNode Parent, object Key, string Path) PickPath(IEnumerable<(JsonNode Parent, object Key, string Path)> choices)
        {
            var list = choices.ToList();
            return list.Count == 0 ? (activity, "text", "text") : list[random.Next(list.Count)];
        }

        private static string Describe(JsonNode? node)
        {
            var text = node?.ToJsonString() ?? "null";
            return text.Length > 40 ? text[..40] + "…" : text;
        }

        private static string Quoted(string marker) => System.Text.Json.JsonSerializer.Serialize(marker);

        private static byte[] Replace(byte[] bytes, byte[] find, byte[] with)
        {
            var at = bytes.AsSpan().IndexOf(find);
            return at < 0 ? bytes : [.. bytes.AsSpan(0, at), .. with, .. bytes.AsSpan(at + find.Length)];
        }
    }
}
