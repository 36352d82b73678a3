using System.Globalization;
using System.Text.Json.Nodes;
using PmfBot.Bot.Cards;
using PmfBot.Bot.Conversation;
using PmfBot.Domain;
using PmfBot.Domain.Calendar;
using PmfBot.Domain.Returns;
using static PmfBot.Domain.Returns.SubmitReturn;

namespace PmfBot.Bot.Returns;

/// <summary><c>returns.check</c>: previews the page's RAG, travel and plain-English warnings; nothing is saved.</summary>
public sealed class CheckReturnsAction(SubmitReturn submit, ReturnCards cards) : ReturnPageAction(submit, cards)
{
    protected override Intent Intent => Intent.Check;
}

/// <summary><c>returns.saveDraft</c>: saves what is typed on the page, without submitting it.</summary>
public sealed class SaveReturnDraftsAction(SubmitReturn submit, ReturnCards cards) : ReturnPageAction(submit, cards)
{
    protected override Intent Intent => Intent.SaveDraft;
}

/// <summary><c>returns.submit</c>: submits every return on the page, or none of them.</summary>
public sealed class SubmitReturnsAction(SubmitReturn submit, ReturnCards cards) : ReturnPageAction(submit, cards)
{
    protected override Intent Intent => Intent.Submit;
}

/// <summary><c>returns.page</c>: Previous/Next on the return card; what is typed is kept as drafts first.</summary>
public sealed class TurnReturnPageAction(SubmitReturn submit, ReturnCards cards) : ReturnPageAction(submit, cards)
{
    protected override Intent Intent => Intent.TurnPage;
}

/// <summary>
/// The return card's page buttons: parse what the page sent, call <see cref="SubmitReturn"/> once,
/// render its outcome. Who answers is the person Teams says clicked, never the card.
/// </summary>
public abstract class ReturnPageAction(SubmitReturn submit, ReturnCards cards) : ICardAction
{
    protected abstract Intent Intent { get; }

    public async Task<JsonNode> HandleAsync(CardActionRequest request, CancellationToken cancellationToken)
    {
        var page = request.Number("page", 1);
        var listed = Listed(request.Data);
        var typed = listed.ToDictionary(l => l.ReturnId, l => ReturnInputs.Read(request.Data, l.ReturnId));
        var answers = listed.Select(l => Parse(typed[l.ReturnId], l.Version)).ToList();
        var outcome = await submit.AnswerAsync(new Page(request.Person, Intent, ReturnCardPeriod.Of(request), answers), cancellationToken);
        var ids = listed.Select(l => l.ReturnId).ToList();
        return outcome switch
        {
            Outcome.Saved saved when Intent == Intent.Submit => await cards.AfterSubmitAsync(
                request.Person, saved.Returns, page,
                Notice.Good($"Submitted {ReturnText.Plural(saved.Returns.Count, "return", "returns")} ({string.Join(", ", saved.Returns.Select(s => s.Indicator.Code))}). Thank you."),
                cancellationToken),
            Outcome.Saved saved => await cards.ReturnCardAsync(
                request.Person, page, Notice.Good($"Draft saved at {ReturnText.Time(saved.At)}."), new Dictionary<Guid, ReturnCards.Overlay>(),
                Intent == Intent.TurnPage || saved.AnsweredBefore.Count == 0 ? null : ids, cancellationToken, known: saved.Returns),
            Outcome.NothingTyped => await cards.ReturnCardAsync(request.Person, page, Notice.None, new Dictionary<Guid, ReturnCards.Overlay>(), null, cancellationToken),
            Outcome.Checked check => await CheckedAsync(request, check, typed, page, cancellationToken),
            Outcome.Invalid invalid => await InvalidAsync(request, invalid, typed, page, cancellationToken),
            Outcome.Stale stale => await cards.ForPersonAsync(request.Person, 1, Notice.Warning(stale.Message), cancellationToken),
            Outcome.Conflict conflict => await cards.ForPersonAsync(request.Person, 1, Notice.Warning(conflict.Message), cancellationToken),
            Outcome.Refused refused => throw new PmfRuleException(refused.Reason),
            _ => throw new InvalidOperationException($"{outcome} is not an outcome of a return page."),
        };
    }

    private static Answer Parse(ReturnInputs inputs, int? version)
    {
        try
        {
            return new Answer(inputs.ReturnId, version, inputs.ToEntry(), Blank: inputs.IsEmpty);
        }
        catch (PmfRuleException unreadable)
        {
            return new Answer(inputs.ReturnId, version, null, new FieldError(unreadable.Field ?? "value", unreadable.Message), inputs.IsEmpty);
        }
    }

    private async Task<JsonObject> CheckedAsync(
        CardActionRequest request, Outcome.Checked check, Dictionary<Guid, ReturnInputs> typed, int page, CancellationToken cancellationToken)
    {
        var overlays = check.Returns.ToDictionary(
            r => r.Id,
            r => new ReturnCards.Overlay(typed[r.Id], ReturnCards.CheckOf(check.Previews[r.Id]), ErrorsOf(check.Previews[r.Id].Error), Correcting: r.HasAnswer));
        var problems = check.Previews.Values.Count(p => p.Error is not null);
        var notice = problems == 0
            ? Notice.Good("Checked: nothing is saved yet. Submit when you are happy.")
            : Notice.Warning($"Checked: {ReturnText.Plural(problems, "return needs", "returns need")} attention before you can submit. Nothing was saved.");
        var correcting = check.Returns.Any(r => r.HasAnswer);
        return await cards.ReturnCardAsync(request.Person, page, notice, overlays, correcting ? [.. typed.Keys] : null, cancellationToken, known: check.Returns);
    }

    private async Task<JsonObject> InvalidAsync(
        CardActionRequest request, Outcome.Invalid invalid, Dictionary<Guid, ReturnInputs> typed, int page, CancellationToken cancellationToken)
    {
        var errors = invalid.Errors.Count;
        var notice = Notice.Attention(invalid.Problem is not null && errors == 0
            ? $"Nothing was saved: {invalid.Problem}"
            : $"Nothing was saved: {ReturnText.Plural(errors, "return needs", "returns need")} attention.{(invalid.Problem is null ? "" : " " + invalid.Problem)}");
        var overlays = invalid.Returns.ToDictionary(
            r => r.Id,
            r => new ReturnCards.Overlay(typed[r.Id], null, ErrorsOf(invalid.Errors.GetValueOrDefault(r.Id)), Correcting: invalid.AnsweredBefore.Contains(r.Id)));
        var ids = invalid.Returns.Select(r => r.Id).ToList();
        return await cards.ReturnCardAsync(
            request.Person, page, notice, overlays, invalid.AnsweredBefore.Count > 0 ? ids : null, cancellationToken, pageOf: ids[0]);
    }

    private static Dictionary<string, string>? ErrorsOf(FieldError? error) =>
        error is null ? null : new Dictionary<string, string> { [error.Field] = error.Message };

    /// <summary>The returns the page lists, each with the version the card showed (null when it shows none: stale).</summary>
    private static List<(Guid ReturnId, int? Version)> Listed(JsonObject data) =>
        (data["returns"] as JsonArray ?? [])
        .OfType<JsonObject>()
        .Select(r => (
            Guid.TryParse(r["returnId"] is JsonValue returnId && returnId.TryGetValue<string>(out var text) ? text : null, out var id) ? id : Guid.Empty,
            ReturnCardPeriod.Version(r["version"] is JsonValue v ? v.TryGetValue<string>(out var s) ? s : v.ToJsonString() : "")))
        .Where(r => r.Item1 != Guid.Empty)
        .DistinctBy(r => r.Item1)
        .ToList();
}

/// <summary>Reading a return card's period and versions.</summary>
internal static class ReturnCardPeriod
{
    /// <summary>The quarter the card was built for, or null when it says none (then it is stale).</summary>
    public static Period? Of(CardActionRequest request) =>
        Period.TryParse(request.Text("periodKey"), out var period) ? period : null;

    public static int? Version(string text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var version) ? version : null;
}
