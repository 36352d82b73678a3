using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using PmfBot.Bot.Cards;
using PmfBot.Bot.Conversation;
using PmfBot.Domain;
using PmfBot.Domain.Calendar;
using PmfBot.Domain.PlainEnglish;
using PmfBot.Domain.Returns;
using PmfBot.Domain.People;
using PmfBot.Domain.Storage;

namespace PmfBot.Bot.Returns;

/// <summary>
/// The return card's buttons: check, save draft, submit and page (all or none of the returns on
/// the page), and the submitted card's correct; "My returns" on help. Who may answer a return is
/// the person Teams says clicked, never the card.
/// </summary>
public sealed class ReturnActions(PmfDbContext db, CardRenderer renderer, TimeProvider clock, PlainEnglishCheck plainEnglish, ReturnCalendar calendar)
    : ICardAction
{
    private readonly ReturnCards cards = new(db, renderer, clock, plainEnglish, calendar);

    public const string Check = "returns.check";
    public const string SaveDraft = "returns.saveDraft";
    public const string Submit = "returns.submit";
    public const string Page = "returns.page";
    public const string Correct = "returns.correct";
    public const string Show = "returns.show";

    private static readonly Notice OutOfDate = Notice.Warning("This card was out of date; here is the latest. Nothing was changed.");

    public async Task<JsonNode> HandleAsync(CardActionRequest request, CancellationToken cancellationToken)
    {
        if (request.Verb.Equals(Show, StringComparison.OrdinalIgnoreCase))
        {
            return await cards.ForPersonAsync(request.Person, 1, Notice.None, cancellationToken);
        }

        if (request.Text("periodKey") != cards.CardPeriod.Key)
        {
            return await cards.ForPersonAsync(request.Person, 1, OutOfDate, cancellationToken);
        }

        return request.Verb.ToLowerInvariant() switch
        {
            "returns.correct" => await CorrectAsync(request, cancellationToken),
            _ => await AnswerPageAsync(request, cancellationToken),
        };
    }

    private async Task<JsonObject> CorrectAsync(CardActionRequest request, CancellationToken cancellationToken)
    {
        var ret = await db.Returns.AsNoTracking().Include(r => r.Indicator).ThenInclude(i => i.Collators)
            .SingleOrDefaultAsync(r => r.Id == request.Id("returnId"), cancellationToken)
            ?? throw new PmfRuleException("That return no longer exists. Ask for 'my returns' to see what is due.");
        EnsureMayAnswer(request, ret);
        if (request.Text("version") != ret.Version.ToString(CultureInfo.InvariantCulture))
        {
            return await cards.ForPersonAsync(request.Person, 1, OutOfDate, cancellationToken);
        }

        if (ret.State == ReturnState.SignedOff)
        {
            throw new PmfRuleException($"The {ret.Period.Label} return for {ret.Indicator.Code} has been signed off, so it can no longer be corrected. Ask your directorate performance lead to send it back.");
        }

        if (UkTime.Today(clock) > ret.DueDate)
        {
            throw new PmfRuleException($"The window for the {ret.Period.Label} return for {ret.Indicator.Code} closed on {ReturnText.Date(ret.DueDate)}. Ask your directorate performance lead to send it back if it needs correcting.");
        }

        var overlays = new Dictionary<Guid, ReturnCards.Overlay> { [ret.Id] = new(null, null, null, Correcting: ret.HasAnswer) };
        return await cards.ReturnCardAsync(
            request.Person, 1, Notice.Warning($"Correcting {ret.Indicator.Code}: change what you need and submit it again."), overlays, [ret.Id], cancellationToken);
    }

    private async Task<JsonObject> AnswerPageAsync(CardActionRequest request, CancellationToken cancellationToken)
    {
        var verb = request.Verb.ToLowerInvariant();
        var page = request.Number("page", 1);
        var listed = Listed(request.Data);
        var ids = listed.Select(l => l.ReturnId).ToList();
        var returns = await db.Returns
            .Include(r => r.Indicator).ThenInclude(i => i.Collators)
            .Include(r => r.Indicator).ThenInclude(i => i.Targets)
            .AsSplitQuery()
            .Where(r => ids.Contains(r.Id))
            .ToListAsync(cancellationToken);
        if (returns.Count != ids.Count)
        {
            return await cards.ForPersonAsync(request.Person, 1, OutOfDate, cancellationToken);
        }

        returns = ids.Select(id => returns.Single(r => r.Id == id)).ToList();
        returns.ForEach(r => EnsureMayAnswer(request, r));
        var typed = returns.ToDictionary(r => r.Id, r => ReturnInputs.Read(request.Data, r.Id));
        if (returns.Any(r => IsStale(r, listed.Single(l => l.ReturnId == r.Id).Version, typed[r.Id])))
        {
            return await cards.ForPersonAsync(request.Person, 1, OutOfDate, cancellationToken);
        }

        var correcting = returns.Any(r => r.HasAnswer);
        var only = correcting ? ids : null;
        if (verb == Check.ToLowerInvariant())
        {
            return await CheckAsync(request, returns, typed, page, only, cancellationToken);
        }

        var submitting = verb == Submit.ToLowerInvariant();
        if (verb == Page.ToLowerInvariant() && typed.Values.All(t => t.IsEmpty))
        {
            return await cards.ReturnCardAsync(request.Person, page, Notice.None, new Dictionary<Guid, ReturnCards.Overlay>(), null, cancellationToken);
        }

        var now = clock.GetUtcNow();
        // Read before the loop: a refused submission leaves the other returns changed in memory.
        var answeredBefore = returns.Where(r => r.HasAnswer).Select(r => r.Id).ToHashSet();
        var errors = new Dictionary<Guid, Dictionary<string, string>>();
        string? problem = null;
        foreach (var ret in returns)
        {
            var inputs = typed[ret.Id];
            try
            {
                var entry = inputs.ToEntry();
                if (submitting)
                {
                    ret.Submit(await ActorAsync(request, cancellationToken), entry, UkTime.DateOf(now), now);
                }
                else if (!(inputs.IsEmpty && ret.State == ReturnState.Open))
                {
                    ret.SaveDraft(await ActorAsync(request, cancellationToken), entry, now);
                }
            }
            catch (PmfRuleException refused) when (refused.Field is { } field)
            {
                errors[ret.Id] = new Dictionary<string, string> { [field] = refused.Message };
            }
            catch (PmfRuleException refused)
            {
                problem ??= refused.Message;
            }
        }

        if (errors.Count > 0 || problem is not null)
        {
            db.ChangeTracker.Clear();
            var notice = Notice.Attention(problem is not null && errors.Count == 0
                ? $"Nothing was saved: {problem}"
                : $"Nothing was saved: {ReturnText.Plural(errors.Count, "return needs", "returns need")} attention.{(problem is null ? "" : " " + problem)}");
            var overlays = returns.ToDictionary(
                r => r.Id,
                r => new ReturnCards.Overlay(typed[r.Id], null, errors.GetValueOrDefault(r.Id), Correcting: answeredBefore.Contains(r.Id)));
            return await cards.ReturnCardAsync(request.Person, page, notice, overlays, only, cancellationToken, pageOf: ids[0]);
        }

        try
        {
            await db.SaveOrExplainAsync(returns.Count == 1 ? $"the return for {returns[0].Indicator.Code}" : "these returns", cancellationToken);
        }
        catch (PmfRuleException concurrent)
        {
            db.ChangeTracker.Clear();
            return await cards.ForPersonAsync(request.Person, 1, Notice.Warning(concurrent.Message), cancellationToken);
        }

        if (submitting)
        {
            return await AfterSubmitAsync(request, returns, page, cancellationToken);
        }

        var saved = Notice.Good($"Draft saved at {ReturnText.Time(now)}.");
        return verb == Page.ToLowerInvariant()
            ? await cards.ReturnCardAsync(request.Person, page, saved, new Dictionary<Guid, ReturnCards.Overlay>(), null, cancellationToken)
            : await cards.ReturnCardAsync(request.Person, page, saved, new Dictionary<Guid, ReturnCards.Overlay>(), only, cancellationToken);
    }

    private async Task<JsonObject> CheckAsync(
        CardActionRequest request, List<IndicatorReturn> returns, Dictionary<Guid, ReturnInputs> typed, int page, IReadOnlyCollection<Guid>? only, CancellationToken cancellationToken)
    {
        var overlays = new Dictionary<Guid, ReturnCards.Overlay>();
        var problems = 0;
        foreach (var ret in returns)
        {
            var inputs = typed[ret.Id];
            Dictionary<string, string>? errors = null;
            decimal? value = null;
            try
            {
                value = inputs.ParseValue();
                inputs.ToEntry().Normalised().Validate(forSubmission: true);
            }
            catch (PmfRuleException refused)
            {
                errors = new Dictionary<string, string> { [refused.Field ?? "value"] = refused.Message };
                problems++;
            }

            overlays[ret.Id] = new(inputs, await cards.CheckAsync(ret, value, inputs.Commentary, cancellationToken), errors, Correcting: ret.HasAnswer);
        }

        db.ChangeTracker.Clear();
        var notice = problems == 0
            ? Notice.Good("Checked: nothing is saved yet. Submit when you are happy.")
            : Notice.Warning($"Checked: {ReturnText.Plural(problems, "return needs", "returns need")} attention before you can submit. Nothing was saved.");
        return await cards.ReturnCardAsync(request.Person, page, notice, overlays, only, cancellationToken);
    }

    private async Task<JsonObject> AfterSubmitAsync(CardActionRequest request, List<IndicatorReturn> submitted, int page, CancellationToken cancellationToken)
    {
        var codes = string.Join(", ", submitted.Select(s => s.Indicator.Code));
        var notice = Notice.Good($"Submitted {ReturnText.Plural(submitted.Count, "return", "returns")} ({codes}). Thank you.");
        return await cards.HasUnansweredAsync(request.Person, cancellationToken)
            ? await cards.ReturnCardAsync(request.Person, page, notice, new Dictionary<Guid, ReturnCards.Overlay>(), null, cancellationToken)
            : await cards.SubmittedCardAsync(request.Person, submitted.Select(s => s.Id).ToList(), 1, notice, cancellationToken);
    }

    private async Task<Domain.People.Person> ActorAsync(CardActionRequest request, CancellationToken cancellationToken) =>
        db.People.Local.FirstOrDefault(p => p.Id == request.Person.Id) ?? await db.ActorAsync(request.Person.Id, cancellationToken);

    private static bool IsStale(IndicatorReturn ret, string seenVersion, ReturnInputs typed)
    {
        if (seenVersion == ret.Version.ToString(CultureInfo.InvariantCulture))
        {
            return false;
        }

        try
        {
            return !(ret.HasAnswer && ret.CurrentEntry().Normalised() == typed.ToEntry().Normalised());
        }
        catch (PmfRuleException)
        {
            return true;
        }
    }

    private static void EnsureMayAnswer(CardActionRequest request, IndicatorReturn ret)
    {
        if (!ret.Indicator.MaySubmit(request.Person.Id))
        {
            throw new PmfRuleException($"You cannot enter the return for {ret.Indicator.Code}: only its owner or one of its collators can. Nothing was saved.");
        }
    }

    private static List<(Guid ReturnId, string Version)> Listed(JsonObject data) =>
        (data["returns"] as JsonArray ?? [])
        .OfType<JsonObject>()
        .Select(r => (
            Guid.TryParse(r["returnId"] is JsonValue returnId && returnId.TryGetValue<string>(out var text) ? text : null, out var id) ? id : Guid.Empty,
            r["version"] is JsonValue v ? v.TryGetValue<string>(out var s) ? s : v.ToJsonString() : ""))
        .Where(r => r.Item1 != Guid.Empty)
        .DistinctBy(r => r.Item1)
        .ToList();
}
