using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using PmfBot.Domain;
using PmfBot.Domain.RagRatings;
using PmfBot.Domain.Returns;

namespace PmfBot.Bot.Returns;

/// <summary>
/// What a person typed for one return on the return card, as Teams sends it (strings under
/// <c>&lt;returnId&gt;.field</c>), kept as typed so it can be echoed back beside an error.
/// </summary>
public sealed partial record ReturnInputs(
    Guid ReturnId,
    string ValueText,
    bool NotAvailable,
    string NotAvailableReason,
    string OverrideRag,
    string OverrideReason,
    string Commentary,
    string ActionsDelivered,
    string ActionsPlanned)
{
    /// <summary>The inputs of one return, read from the action's data merged with the card's inputs.</summary>
    public static ReturnInputs Read(JsonObject data, Guid returnId)
    {
        string Text(string field) =>
            data[$"{returnId}.{field}"] is JsonValue value
                ? value.TryGetValue<string>(out var s) ? s : value.ToJsonString()
                : "";

        return new(
            returnId,
            Text("value"),
            Text("notAvailable").Trim().Equals("true", StringComparison.OrdinalIgnoreCase),
            Text("notAvailableReason"),
            Text("overrideRag"),
            Text("overrideReason"),
            Text("commentary"),
            Text("actionsDelivered"),
            Text("actionsPlanned"));
    }

    /// <summary>The inputs prefilled from what is saved.</summary>
    public static ReturnInputs Of(IndicatorReturn saved) => new(
        saved.Id,
        saved.Value is { } v ? v.ToString("0.############", CultureInfo.InvariantCulture) : "",
        saved.NotAvailableReason is not null,
        saved.NotAvailableReason ?? "",
        saved.OverrideRag?.ToString() ?? "",
        saved.OverrideReason ?? "",
        saved.Commentary ?? "",
        saved.ActionsDelivered ?? "",
        saved.ActionsPlanned ?? "");

    /// <summary>Longest value the card's value box takes.</summary>
    public const int MaxValueLength = 20;

    /// <summary>
    /// What is typed, cut to the lengths the card's inputs allow, to be shown back beside an error.
    /// Teams enforces those lengths; a client that does not gets its error and the start of its text,
    /// not a card too large for Teams to show. What is checked and saved is always the whole text.
    /// </summary>
    public ReturnInputs ClippedForCard() => this with
    {
        ValueText = Clip(ValueText, MaxValueLength),
        NotAvailableReason = Clip(NotAvailableReason, ReturnEntry.MaxReasonLength),
        OverrideRag = Clip(OverrideRag, MaxValueLength),
        OverrideReason = Clip(OverrideReason, ReturnEntry.MaxReasonLength),
        Commentary = Clip(Commentary, ReturnEntry.MaxCommentaryLength),
        ActionsDelivered = Clip(ActionsDelivered, ReturnEntry.MaxActionsLength),
        ActionsPlanned = Clip(ActionsPlanned, ReturnEntry.MaxActionsLength),
    };

    // Never between the two halves of a surrogate pair (an emoji), which would not be valid text.
    private static string Clip(string text, int max) =>
        text.Length <= max ? text : text[..(char.IsHighSurrogate(text[max - 1]) ? max - 1 : max)];

    /// <summary>True when nothing was typed at all (paging past an untouched page saves nothing).</summary>
    public bool IsEmpty =>
        !NotAvailable && new[] { ValueText, NotAvailableReason, OverrideReason, Commentary, ActionsDelivered, ActionsPlanned }.All(string.IsNullOrWhiteSpace)
        && OverrideRag.Trim() is "" or "none";

    /// <summary>
    /// The entry for the domain; a value that is not a number, or an unknown override, raises
    /// <see cref="PmfRuleException"/> naming the field. The domain's own rules are checked by
    /// <see cref="ReturnEntry.Validate"/>.
    /// </summary>
    public ReturnEntry ToEntry()
    {
        var value = ParseValue();
        if (NotAvailable && value is not null)
        {
            throw new PmfRuleException("Enter a value or say the data is not available, not both.", "value");
        }

        if (NotAvailable && string.IsNullOrWhiteSpace(NotAvailableReason))
        {
            throw new PmfRuleException("Say why the data is not available this period.", "notAvailableReason");
        }

        var rag = OverrideRagOrNull();
        return new ReturnEntry(
            value,
            NotAvailable ? NotAvailableReason : null,
            rag,
            rag is null ? null : OverrideReason,
            Commentary,
            ActionsDelivered,
            ActionsPlanned);
    }

    /// <summary>The typed value as a number, or null when empty; "78.5", "1,234", "85%" are numbers.</summary>
    public decimal? ParseValue()
    {
        var text = ValueText.Trim();
        if (text.Length == 0)
        {
            return null;
        }

        var clean = text.TrimEnd('%').Replace(",", "", StringComparison.Ordinal).Replace(" ", "", StringComparison.Ordinal);
        if (text.Length > MaxValueLength || !NumberPattern().IsMatch(clean)
            || !decimal.TryParse(clean, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
        {
            var shown = text.Length > MaxValueLength ? Clip(text, MaxValueLength) + "…" : text;
            throw new PmfRuleException($"\"{shown}\" is not a number: enter digits only, such as 78.5 or 1,234.", "value");
        }

        return value;
    }

    private Rag? OverrideRagOrNull() => OverrideRag.Trim() switch
    {
        "" or "none" => null,
        var text when Enum.TryParse<Rag>(text, ignoreCase: true, out var rag) && rag is Rag.Green or Rag.Amber or Rag.Red => rag,
        _ => throw new PmfRuleException("A RAG override must be Green, Amber or Red.", "overrideRag"),
    };

    [GeneratedRegex(@"^-?[0-9]+(\.[0-9]+)?$")]
    private static partial Regex NumberPattern();
}
