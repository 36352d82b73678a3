using PmfBot.Domain.RagRatings;
using System.Text.RegularExpressions;

namespace PmfBot.Domain.Returns;

/// <summary>What an owner types on the return card for one indicator.</summary>
public sealed partial record ReturnEntry(
    decimal? Value,
    string? NotAvailableReason,
    Rag? OverrideRag,
    string? OverrideReason,
    string? Commentary,
    string? ActionsDelivered,
    string? ActionsPlanned)
{
    public const int MaxCommentaryLength = 2000;
    public const int MaxActionsLength = 2000;
    public const int MaxReasonLength = 500;

    public bool DataNotAvailable => !string.IsNullOrWhiteSpace(NotAvailableReason);

    /// <summary>Trimmed copy, blanks as nulls, so two identical submissions compare equal.</summary>
    public ReturnEntry Normalised() => new(
        Value,
        Blank(NotAvailableReason),
        OverrideRag,
        Blank(OverrideReason),
        Blank(Commentary),
        Blank(ActionsDelivered),
        Blank(ActionsPlanned));

    /// <summary>
    /// Checks the entry; the first problem is raised with the card field it concerns.
    /// A draft may be incomplete; a submission may not.
    /// </summary>
    public void Validate(bool forSubmission)
    {
        if (Value is not null && DataNotAvailable)
        {
            throw new PmfRuleException("Enter a value or say the data is not available, not both.", "value");
        }

        if (forSubmission && Value is null && !DataNotAvailable)
        {
            throw new PmfRuleException("Enter a value, or tick 'data not available' and say why.", "value");
        }

        if (OverrideRag is { } rag)
        {
            if (rag is not (Rag.Green or Rag.Amber or Rag.Red))
            {
                throw new PmfRuleException("A RAG override must be red, amber or green.", "overrideRag");
            }

            if (Value is null)
            {
                throw new PmfRuleException("A RAG can only be overridden when there is a value.", "overrideRag");
            }

            if (string.IsNullOrWhiteSpace(OverrideReason))
            {
                throw new PmfRuleException("Say why you are overriding the RAG rating.", "overrideReason");
            }
        }

        if (forSubmission && string.IsNullOrWhiteSpace(Commentary))
        {
            throw new PmfRuleException("Add a short commentary: what the figure means and what is being done.", "commentary");
        }

        CheckText(Commentary, MaxCommentaryLength, "commentary", "Commentary");
        CheckText(ActionsDelivered, MaxActionsLength, "actionsDelivered", "Actions delivered");
        CheckText(ActionsPlanned, MaxActionsLength, "actionsPlanned", "Actions planned");
        CheckText(NotAvailableReason, MaxReasonLength, "notAvailableReason", "The reason the data is not available");
        CheckText(OverrideReason, MaxReasonLength, "overrideReason", "The override reason");
    }

    private static void CheckText(string? text, int max, string field, string what)
    {
        if (text is null)
        {
            return;
        }

        if (text.Length > max)
        {
            throw new PmfRuleException($"{what} is {text.Length} characters long; the most is {max}.", field);
        }

        if (MarkupPattern().IsMatch(text))
        {
            throw new PmfRuleException($"{what} must be plain text: please remove the markup (such as <b> or <script>).", field);
        }

        if (text.Any(c => char.IsControl(c) && c is not ('\n' or '\r' or '\t')))
        {
            throw new PmfRuleException($"{what} contains characters that cannot be shown; please retype it.", field);
        }
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    [GeneratedRegex(@"<\s*/?\s*[a-zA-Z!][^>]*>")]
    private static partial Regex MarkupPattern();
}
