using PmfBot.Domain.RagRatings;
using PmfBot.Domain.Audit;
using PmfBot.Domain.Calendar;
using PmfBot.Domain.Directorates;
using PmfBot.Domain.Indicators;
using PmfBot.Domain.People;

namespace PmfBot.Domain.Returns;

/// <summary>
/// One indicator's return for one period: the value (or why it is not available), its RAG
/// (computed, and an override only with a reason), the commentary and the actions. Every
/// change is audited and bumps the concurrency version.
/// </summary>
public sealed class IndicatorReturn : AuditedEntity
{
    private IndicatorReturn()
    {
    }

    public Guid IndicatorId { get; private set; }

    public Indicator Indicator { get; private set; } = null!;

    public Period Period { get; private set; }

    public ReturnState State { get; private set; }

    /// <summary>The last day to submit, fixed when the return opens (UK date).</summary>
    public DateOnly DueDate { get; private set; }

    public decimal? Value { get; private set; }

    public string? NotAvailableReason { get; private set; }

    /// <summary>The target in force when the value was entered (kept: targets can change later).</summary>
    public decimal? Target { get; private set; }

    public Rag ComputedRag { get; private set; } = Rag.NoData;

    public Rag? OverrideRag { get; private set; }

    public string? OverrideReason { get; private set; }

    public string? Commentary { get; private set; }

    public string? ActionsDelivered { get; private set; }

    public string? ActionsPlanned { get; private set; }

    public Guid? SubmittedById { get; private set; }

    public DateTimeOffset? SubmittedAt { get; private set; }

    /// <summary>Submitted after the due date (kept for compliance reporting).</summary>
    public bool SubmittedLate { get; private set; }

    public Guid? SignedOffById { get; private set; }

    public DateTimeOffset? SignedOffAt { get; private set; }

    public string? SentBackComment { get; private set; }

    public DateTimeOffset LastChangedAt { get; private set; }

    /// <summary>
    /// Came from a council's file of past values, not through PmfBot. It counts as submitted (RAG,
    /// travel and trends read it like any other answer); the import may replace it, but a return
    /// submitted through PmfBot only when asked to.
    /// </summary>
    public bool IsImported { get; private set; }

    /// <summary>What the RAG would be for a value, before anything is saved (the card's "check" step).</summary>
    public Rag PreviewRag(decimal? value) =>
        RagRule.Compute(value, Indicator.TargetFor(Period), Indicator.Tolerance, Indicator.Polarity);

    /// <summary>The rating that counts: the override when there is one, otherwise the computed one.</summary>
    public Rag EffectiveRag => OverrideRag ?? ComputedRag;

    public bool HasAnswer => State is ReturnState.Submitted or ReturnState.SignedOff;

    protected override string AuditName => "Return";

    public static IndicatorReturn Open(Indicator indicator, Period period, DateOnly dueDate, DateTimeOffset now)
    {
        var opened = new IndicatorReturn
        {
            Id = Guid.CreateVersion7(now),
            IndicatorId = indicator.Id,
            Indicator = indicator,
            Period = period,
            State = ReturnState.Open,
            DueDate = dueDate,
            Target = indicator.TargetFor(period),
            LastChangedAt = now,
        };
        opened.Created(Actor.System, "opened", now);
        return opened;
    }

    /// <summary>A past value from a council's file: submitted, marked imported, RAG worked out by the usual rule.</summary>
    public static IndicatorReturn Imported(Indicator indicator, Period period, DateOnly dueDate, ReturnEntry entry, Actor actor, DateTimeOffset now)
    {
        var clean = ImportableEntry(entry);
        var imported = new IndicatorReturn
        {
            Id = Guid.CreateVersion7(now),
            IndicatorId = indicator.Id,
            Indicator = indicator,
            Period = period,
            DueDate = dueDate,
        };
        imported.Apply(clean);
        imported.MarkImported(now);
        imported.Created(actor, "imported", now);
        return imported;
    }

    /// <summary>Whether importing this entry would change the return (a re-import of the same file changes nothing).</summary>
    public bool ImportChanges(ReturnEntry entry) => !(HasAnswer && SameAs(ImportableEntry(entry)));

    /// <summary>Was answered through PmfBot (not by an earlier import): the import leaves it alone unless told otherwise.</summary>
    public bool SubmittedThroughPmfBot => HasAnswer && !IsImported;

    /// <summary>
    /// Puts a past value from a file into this return: fills one still open, replaces an earlier
    /// import, and replaces one submitted through PmfBot only when <paramref name="overwriteSubmitted"/>.
    /// </summary>
    public void Import(ReturnEntry entry, bool overwriteSubmitted, Actor actor, DateTimeOffset now)
    {
        var clean = ImportableEntry(entry);
        if (!ImportChanges(clean))
        {
            return;
        }

        if (SubmittedThroughPmfBot && !overwriteSubmitted)
        {
            throw new PmfRuleException($"The {Period.Label} return for {Indicator.Code} was submitted through PmfBot; it is replaced only when asked to.");
        }

        var action = SubmittedThroughPmfBot ? "overwritten by import" : IsImported ? "re-imported" : "imported";
        Change(actor, action, now, () =>
        {
            Apply(clean);
            SubmittedById = null;
            SignedOffById = null;
            SignedOffAt = null;
            SentBackComment = null;
            MarkImported(now);
        });
    }

    private static ReturnEntry ImportableEntry(ReturnEntry entry)
    {
        var clean = entry.Normalised() with { OverrideRag = null, OverrideReason = null };
        clean.Validate(forSubmission: false);
        if (clean.Value is null && !clean.DataNotAvailable)
        {
            throw new PmfRuleException("A past value needs a value or the reason the data is not available.", "value");
        }

        return clean;
    }

    private void MarkImported(DateTimeOffset now)
    {
        State = ReturnState.Submitted;
        IsImported = true;
        SubmittedAt = now;
        SubmittedLate = false;
        LastChangedAt = now;
    }

    /// <summary>Late: not yet answered and the due date has passed.</summary>
    public bool IsLate(DateOnly today) => !HasAnswer && today > DueDate;

    /// <summary>Saves what the owner has typed so far, without submitting it.</summary>
    public void SaveDraft(Person actor, ReturnEntry entry, DateTimeOffset now)
    {
        EnsureMayAnswer(actor);
        if (State is ReturnState.Submitted or ReturnState.SignedOff)
        {
            throw new PmfRuleException($"The {Period.Label} return for {Indicator.Code} has already been submitted; use 'correct' to change it.");
        }

        var clean = entry.Normalised();
        clean.Validate(forSubmission: false);
        if (State == ReturnState.Draft && SameAs(clean))
        {
            return;
        }

        Change(Actor.Of(actor), "saved draft", now, () =>
        {
            Apply(clean);
            State = ReturnState.Draft;
            LastChangedAt = now;
        });
    }

    /// <summary>
    /// Submits the return. Submitting the same answer again (a double click, a Teams retry)
    /// changes nothing. Submitting a different answer before sign-off is a correction.
    /// </summary>
    public void Submit(Person actor, ReturnEntry entry, DateOnly today, DateTimeOffset now)
    {
        EnsureMayAnswer(actor);
        if (State == ReturnState.SignedOff)
        {
            throw new PmfRuleException($"The {Period.Label} return for {Indicator.Code} has been signed off and can no longer be changed. Ask your directorate performance lead to send it back.");
        }

        var clean = entry.Normalised();
        clean.Validate(forSubmission: true);
        if (State == ReturnState.Submitted && SameAs(clean))
        {
            return;
        }

        var action = State == ReturnState.Submitted ? "corrected" : "submitted";
        Change(Actor.Of(actor), action, now, () =>
        {
            Apply(clean);
            State = ReturnState.Submitted;
            SubmittedById = actor.Id;
            SubmittedAt = now;
            SubmittedLate = today > DueDate;
            SentBackComment = null;
            IsImported = false;
            LastChangedAt = now;
        });
    }

    public void SignOff(Person actor, Directorate directorate, DateTimeOffset now)
    {
        EnsurePerformanceLead(actor, directorate, "sign off");
        if (State == ReturnState.SignedOff)
        {
            return;
        }

        if (State != ReturnState.Submitted)
        {
            throw new PmfRuleException($"The {Period.Label} return for {Indicator.Code} has not been submitted yet, so it cannot be signed off.");
        }

        Change(Actor.Of(actor), "signed off", now, () =>
        {
            State = ReturnState.SignedOff;
            SignedOffById = actor.Id;
            SignedOffAt = now;
            LastChangedAt = now;
        });
    }

    public void SendBack(Person actor, Directorate directorate, string comment, DateTimeOffset now)
    {
        EnsurePerformanceLead(actor, directorate, "send back");
        if (string.IsNullOrWhiteSpace(comment))
        {
            throw new PmfRuleException("Say what needs to change so the owner knows what to do.", "comment");
        }

        if (State is not (ReturnState.Submitted or ReturnState.SignedOff))
        {
            throw new PmfRuleException($"The {Period.Label} return for {Indicator.Code} has not been submitted, so there is nothing to send back.");
        }

        Change(Actor.Of(actor), "sent back", now, () =>
        {
            State = ReturnState.SentBack;
            SentBackComment = comment.Trim();
            SignedOffById = null;
            SignedOffAt = null;
            LastChangedAt = now;
        });
    }

    public ReturnEntry CurrentEntry() =>
        new(Value, NotAvailableReason, OverrideRag, OverrideReason, Commentary, ActionsDelivered, ActionsPlanned);

    protected override object Snapshot() => new
    {
        Period = Period.Key,
        State = State.ToString(),
        Value,
        NotAvailableReason,
        Target,
        ComputedRag = ComputedRag.ToString(),
        OverrideRag = OverrideRag?.ToString(),
        OverrideReason,
        Commentary,
        ActionsDelivered,
        ActionsPlanned,
        SentBackComment,
        IsImported,
    };

    private void Apply(ReturnEntry entry)
    {
        Value = entry.Value;
        NotAvailableReason = entry.NotAvailableReason;
        Target = Indicator.TargetFor(Period);
        ComputedRag = RagRule.Compute(Value, Target, Indicator.Tolerance, Indicator.Polarity);
        OverrideRag = entry.OverrideRag;
        OverrideReason = entry.OverrideRag is null ? null : entry.OverrideReason;
        Commentary = entry.Commentary;
        ActionsDelivered = entry.ActionsDelivered;
        ActionsPlanned = entry.ActionsPlanned;
    }

    private bool SameAs(ReturnEntry entry) => CurrentEntry().Normalised() == entry;

    /// <summary>The one "may answer" check: only the indicator's owner or one of its collators.</summary>
    public void EnsureMayAnswer(Person actor)
    {
        if (!Indicator.MaySubmit(actor.Id))
        {
            throw new PmfRuleException($"You cannot enter the return for {Indicator.Code}: only its owner or one of its collators can. Nothing was saved.");
        }
    }

    /// <summary>
    /// A card showing another version is stale (<see cref="Storage.StaleCard"/>), except when it repeats
    /// what is saved: a double click or a Teams retry of the same answer changes nothing and is no surprise.
    /// </summary>
    public bool CardIsStale(int? seenVersion, ReturnEntry? typed) =>
        Storage.StaleCard.IsStale(seenVersion, Version) && !(HasAnswer && typed is not null && SameAs(typed.Normalised()));

    private void EnsurePerformanceLead(Person actor, Directorate directorate, string what)
    {
        if (Indicator.DirectorateId != directorate.Id)
        {
            throw new PmfRuleException($"{Indicator.Code} does not belong to {directorate.Name}.");
        }

        if (directorate.PerformanceLeadId != actor.Id)
        {
            throw new PmfRuleException($"Only {directorate.Name}'s performance lead can {what} its returns.");
        }
    }
}
