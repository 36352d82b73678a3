using Microsoft.EntityFrameworkCore;
using PmfBot.Domain.Calendar;
using PmfBot.Domain.Indicators;
using PmfBot.Domain.People;
using PmfBot.Domain.PlainEnglish;
using PmfBot.Domain.RagRatings;
using PmfBot.Domain.Storage;
using PmfBot.Domain.Travel;

namespace PmfBot.Domain.Returns;

/// <summary>
/// An owner or collator answers a page of returns: checks it, saves a draft, submits it (a
/// correction when it was submitted before) or saves what is typed and turns the page; or asks to
/// correct a submitted return. All or none of the page is saved. The outcome is a value the bot
/// renders; the saved returns come back with it, so nothing is read again to show them.
/// </summary>
public sealed class SubmitReturn(PmfDbContext db, TimeProvider clock, PlainEnglishCheck? plainEnglish = null)
{
    private readonly PlainEnglishCheck _plainEnglish = plainEnglish ?? new PlainEnglishCheck(new PlainEnglishOptions());

    public enum Intent
    {
        Check,
        SaveDraft,
        Submit,

        /// <summary>Saves what is typed as drafts (nothing when nothing is typed), before another page is shown.</summary>
        TurnPage,
    }

    public sealed record FieldError(string Field, string Message);

    /// <summary>One return as answered on the card: the version the card showed and the entry typed (or why it cannot be read).</summary>
    public sealed record Answer(Guid ReturnId, int? SeenVersion, ReturnEntry? Entry, FieldError? Unreadable = null, bool Blank = false);

    /// <param name="CardPeriod">The quarter the card was built for: a card from another quarter (or that says none) is stale.</param>
    public sealed record Page(Person Actor, Intent Intent, Period? CardPeriod, IReadOnlyList<Answer> Answers);

    /// <summary>What the check shows for one return: the RAG and direction of travel the value would get, and plain-English warnings.</summary>
    public sealed record Preview(Rag Rag, DirectionOfTravel Travel, IReadOnlyList<string> Warnings, FieldError? Error);

    public abstract record Outcome
    {
        private Outcome()
        {
        }

        /// <summary>Saved (or nothing needed saving); the returns as they now are, in the page's order.</summary>
        public sealed record Saved(IReadOnlyList<IndicatorReturn> Returns, IReadOnlySet<Guid> AnsweredBefore, DateTimeOffset At) : Outcome;

        /// <summary>A page turned with nothing typed on it: nothing to save.</summary>
        public sealed record NothingTyped : Outcome;

        public sealed record Checked(IReadOnlyList<IndicatorReturn> Returns, IReadOnlyDictionary<Guid, Preview> Previews) : Outcome;

        /// <summary>Nothing was saved: the fields to put right, and a problem that is not about one field.</summary>
        public sealed record Invalid(
            IReadOnlyList<IndicatorReturn> Returns, IReadOnlySet<Guid> AnsweredBefore, IReadOnlyDictionary<Guid, FieldError> Errors, string? Problem) : Outcome;

        /// <summary>The return is open again for correcting on the card.</summary>
        public sealed record Correcting(IndicatorReturn Return) : Outcome;

        public sealed record Stale(string Message) : Outcome;

        /// <summary>Nothing was changed: the person may not do this (not theirs, signed off, the window closed), for the reason they read.</summary>
        public sealed record Refused(string Reason) : Outcome;

        /// <summary>Someone else saved first: nothing of this change was saved; the person sees what is saved now.</summary>
        public sealed record Conflict(string Message) : Outcome;
    }

    /// <summary>The quarter whose return card is current (a card from another quarter is stale).</summary>
    public Period CurrentQuarter => ReportingPeriods.Current(Frequency.Quarterly, UkTime.Today(clock));

    public async Task<Outcome> AnswerAsync(Page page, CancellationToken cancellationToken = default)
    {
        if (page.CardPeriod != CurrentQuarter)
        {
            return new Outcome.Stale(StaleCard.Message);
        }

        var ids = page.Answers.Select(a => a.ReturnId).ToList();
        var loaded = await db.Returns.AsTracking()
            .Include(r => r.Indicator).ThenInclude(i => i.Collators)
            .Include(r => r.Indicator).ThenInclude(i => i.Targets)
            .AsSingleQuery()
            .Where(r => ids.Contains(r.Id))
            .ToListAsync(cancellationToken);
        if (loaded.Count != ids.Count)
        {
            return new Outcome.Stale(StaleCard.Message);
        }

        var returns = ids.Select(id => loaded.Single(r => r.Id == id)).ToList();
        if (WhyNotAllowed(returns, page.Actor) is { } reason)
        {
            db.ChangeTracker.Clear();
            return new Outcome.Refused(reason);
        }
        var answers = page.Answers.ToDictionary(a => a.ReturnId);
        if (returns.Any(r => r.CardIsStale(answers[r.Id].SeenVersion, answers[r.Id].Entry)))
        {
            return new Outcome.Stale(StaleCard.Message);
        }

        var answeredBefore = returns.Where(r => r.HasAnswer).Select(r => r.Id).ToHashSet();
        return page.Intent switch
        {
            Intent.Check => await CheckAsync(returns, answers, cancellationToken),
            Intent.TurnPage when page.Answers.All(a => a.Blank) => new Outcome.NothingTyped(),
            _ => await SaveAsync(page, returns, answers, answeredBefore, cancellationToken),
        };
    }

    /// <summary>Opens a submitted return for correcting, while its window is open and it is not signed off.</summary>
    public async Task<Outcome> CorrectAsync(Person actor, Guid returnId, int? seenVersion, Period? cardPeriod, CancellationToken cancellationToken = default)
    {
        if (cardPeriod != CurrentQuarter)
        {
            return new Outcome.Stale(StaleCard.Message);
        }

        var ret = await db.Returns.AsNoTracking().Include(r => r.Indicator).ThenInclude(i => i.Collators)
            .SingleOrDefaultAsync(r => r.Id == returnId, cancellationToken);
        if (ret is null)
        {
            return new Outcome.Refused("That return no longer exists. Ask for 'my returns' to see what is due.");
        }

        if (WhyNotAllowed([ret], actor) is { } reason)
        {
            return new Outcome.Refused(reason);
        }

        if (StaleCard.IsStale(seenVersion, ret.Version))
        {
            return new Outcome.Stale(StaleCard.Message);
        }

        if (ret.State == ReturnState.SignedOff)
        {
            return new Outcome.Refused($"The {ret.Period.Label} return for {ret.Indicator.Code} has been signed off, so it can no longer be corrected. Ask your directorate performance lead to send it back.");
        }

        return UkTime.Today(clock) > ret.DueDate
            ? new Outcome.Refused($"The window for the {ret.Period.Label} return for {ret.Indicator.Code} closed on {ret.DueDate.ToString("d MMMM yyyy", System.Globalization.CultureInfo.InvariantCulture)}. Ask your directorate performance lead to send it back if it needs correcting.")
            : new Outcome.Correcting(ret);
    }

    /// <summary>One return, by id, as scripts and tests use it: the refusal is thrown, with its field.</summary>
    public sealed record Command(Guid ActorId, Guid ReturnId, ReturnEntry Entry, bool AsDraft = false, int? SeenVersion = null);

    public async Task<IndicatorReturn> HandleAsync(Command command, CancellationToken cancellationToken = default)
    {
        var actor = await db.ActorAsync(command.ActorId, cancellationToken);
        var seen = command.SeenVersion ?? await db.Returns.Where(r => r.Id == command.ReturnId).Select(r => (int?)r.Version).SingleOrDefaultAsync(cancellationToken);
        var outcome = await AnswerAsync(
            new Page(actor, command.AsDraft ? Intent.SaveDraft : Intent.Submit, CurrentQuarter, [new Answer(command.ReturnId, seen, command.Entry)]), cancellationToken);
        return outcome switch
        {
            Outcome.Saved saved => saved.Returns[0],
            Outcome.Invalid { Errors.Count: > 0 } invalid => throw new PmfRuleException(invalid.Errors.Values.First().Message, invalid.Errors.Values.First().Field),
            Outcome.Invalid invalid => throw new PmfRuleException(invalid.Problem ?? "Nothing was saved."),
            Outcome.Stale stale => throw new PmfRuleException(stale.Message),
            Outcome.Refused refused => throw new PmfRuleException(refused.Reason),
            Outcome.Conflict conflict => throw new PmfRuleException(conflict.Message),
            _ => throw new InvalidOperationException($"Unexpected outcome {outcome}"),
        };
    }

    private async Task<Outcome> CheckAsync(List<IndicatorReturn> returns, Dictionary<Guid, Answer> answers, CancellationToken cancellationToken)
    {
        var previousValues = await PreviousValuesAsync(returns, cancellationToken);
        var previews = new Dictionary<Guid, Preview>();
        foreach (var ret in returns)
        {
            var answer = answers[ret.Id];
            var error = answer.Unreadable;
            if (error is null)
            {
                try
                {
                    answer.Entry!.Normalised().Validate(forSubmission: true);
                }
                catch (PmfRuleException refused)
                {
                    error = new FieldError(refused.Field ?? "value", refused.Message);
                }
            }

            var value = answer.Entry?.Value;
            previews[ret.Id] = new Preview(
                ret.PreviewRag(value),
                TravelRule.Compare(value, previousValues.GetValueOrDefault(ret.Id), ret.Indicator.Polarity),
                _plainEnglish.Check(answer.Entry?.Commentary).Select(w => w.Message).ToList(),
                error);
        }

        db.ChangeTracker.Clear();
        return new Outcome.Checked(returns, previews);
    }

    /// <summary>Each return's answered value for the period before, in one read.</summary>
    private async Task<Dictionary<Guid, decimal?>> PreviousValuesAsync(List<IndicatorReturn> returns, CancellationToken cancellationToken)
    {
        var indicatorIds = returns.Select(r => r.IndicatorId).ToList();
        var periods = returns.Select(r => r.Period.Previous()).Distinct().ToList();
        var rows = await db.Returns.AsNoTracking()
            .Where(r => indicatorIds.Contains(r.IndicatorId) && periods.Contains(r.Period) && (r.State == ReturnState.Submitted || r.State == ReturnState.SignedOff))
            .Select(r => new { r.IndicatorId, r.Period, r.Value })
            .ToListAsync(cancellationToken);
        return returns.ToDictionary(r => r.Id, r => rows.FirstOrDefault(p => p.IndicatorId == r.IndicatorId && p.Period == r.Period.Previous())?.Value);
    }

    private async Task<Outcome> SaveAsync(
        Page page, List<IndicatorReturn> returns, Dictionary<Guid, Answer> answers, HashSet<Guid> answeredBefore, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var errors = new Dictionary<Guid, FieldError>();
        string? problem = null;
        foreach (var ret in returns)
        {
            var answer = answers[ret.Id];
            try
            {
                if (answer.Unreadable is { } unreadable)
                {
                    errors[ret.Id] = unreadable;
                }
                else if (page.Intent == Intent.Submit)
                {
                    ret.Submit(page.Actor, answer.Entry!, UkTime.DateOf(now), now);
                }
                else if (!(answer.Blank && ret.State == ReturnState.Open))
                {
                    ret.SaveDraft(page.Actor, answer.Entry!, now);
                }
            }
            catch (PmfRuleException refused) when (refused.Field is { } field)
            {
                errors[ret.Id] = new FieldError(field, refused.Message);
            }
            catch (PmfRuleException refused)
            {
                problem ??= refused.Message;
            }
        }

        if (errors.Count > 0 || problem is not null)
        {
            db.ChangeTracker.Clear();
            return new Outcome.Invalid(returns, answeredBefore, errors, problem);
        }

        try
        {
            await db.SaveOrExplainAsync(returns.Count == 1 ? $"the return for {returns[0].Indicator.Code}" : "these returns", cancellationToken);
        }
        catch (PmfRuleException concurrent)
        {
            db.ChangeTracker.Clear();
            return new Outcome.Conflict(concurrent.Message);
        }

        return new Outcome.Saved(returns, answeredBefore, now);
    }

    private static string? WhyNotAllowed(IEnumerable<IndicatorReturn> returns, Person actor)
    {
        try
        {
            foreach (var ret in returns)
            {
                ret.EnsureMayAnswer(actor);
            }

            return null;
        }
        catch (PmfRuleException refused)
        {
            return refused.Message;
        }
    }
}
