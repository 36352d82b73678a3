using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using PmfBot.Bot.Teams.Activities;
using PmfBot.Domain;
using PmfBot.Domain.People;
using PmfBot.Domain.Storage;

namespace PmfBot.Bot.Conversation;

/// <summary>
/// The one place where a failure becomes the person's answer, for chat commands and card buttons alike.
/// A broken rule is its own message, shown as it is. Anything else is logged with a short reference that
/// the answer carries, so the performance team can find the log line, and the answer says what PmfBot
/// knows about what was saved: nothing, something, or (a lost connection while saving) it cannot tell.
/// </summary>
/// <remarks>
/// Scoped: created with the turn's handler, before the command or button runs, it watches the turn's
/// database context for saves. Writes made outside that context (another scope, raw SQL, a queued job)
/// are not seen.
/// </remarks>
public sealed class FailureAnswers : IDisposable
{
    private readonly PmfDbContext _db;
    private readonly MessageCards _messages;
    private readonly ILogger<FailureAnswers> _logger;
    private bool _saveStarted;
    private bool _saved;

    public FailureAnswers(PmfDbContext db, MessageCards messages, ILogger<FailureAnswers> logger)
    {
        _db = db;
        _messages = messages;
        _logger = logger;
        _db.SavingChanges += OnSaving;
        _db.SavedChanges += OnSaved;
    }

    /// <summary>The answer to <paramref name="failure"/>, which ended <paramref name="what"/> (a command's words or a button's verb).</summary>
    public FailureAnswer Answer(Exception failure, FailedTurn what)
    {
        if (failure is PmfRuleException refused)
        {
            return new FailureAnswer(_messages.Refusal("That could not be done", refused.Message), refused.Message, KeepCard: false, Reference: null);
        }

        var reference = NewReference();
        var outcome = Outcome(failure);
        _logger.LogError(
            failure,
            "{TurnKind} {TurnName} failed for {PersonId} in conversation {ConversationId} ({SaveOutcome}); the person was given reference {FailureReference}",
            what.Kind, what.Name, what.Person?.Id, what.Activity.Conversation.Id, outcome, reference);
        var tell = $"If it keeps happening, tell the performance team the reference {reference}.";
        return outcome switch
        {
            // The card stays as it is, with what was typed, so the same button can simply be pressed again.
            SaveOutcome.Unknown => Answer(
                reference,
                keepCard: true,
                "PmfBot cannot tell whether that was saved",
                $"{(failure as SaveNotConfirmedException)?.Message ?? "PmfBot lost its connection to the database while saving, so it cannot tell whether your change was saved. Please try again in a minute."} {tell}"),
            SaveOutcome.Some => Answer(
                reference,
                keepCard: false,
                "Something went wrong",
                $"PmfBot could not finish that. Part of it was saved before the problem: ask again to see what is saved now. {tell}"),
            _ => Answer(
                reference,
                keepCard: false,
                "Something went wrong",
                $"PmfBot could not do that just now and nothing was saved. Please try again in a minute. {tell}"),
        };
    }

    public void Dispose()
    {
        // Pooled contexts outlive the scope: let go of this turn's handlers.
        _db.SavingChanges -= OnSaving;
        _db.SavedChanges -= OnSaved;
    }

    private SaveOutcome Outcome(Exception failure) => failure switch
    {
        SaveNotConfirmedException => SaveOutcome.Unknown,
        _ when _saveStarted && SaveNotConfirmedException.IsConnectionFailure(failure) => SaveOutcome.Unknown,
        _ when _saved => SaveOutcome.Some,
        _ => SaveOutcome.Nothing,
    };

    private FailureAnswer Answer(string reference, bool keepCard, string title, string text) =>
        new(_messages.Refusal(title, text), text, keepCard, reference);

    /// <summary>Eight characters: short enough to read out on the phone, unique enough to find one log line.</summary>
    private static string NewReference() => Convert.ToHexString(RandomNumberGenerator.GetBytes(4));

    private void OnSaving(object? sender, SavingChangesEventArgs e) => _saveStarted = true;

    private void OnSaved(object? sender, SavedChangesEventArgs e) => _saved = true;

    private enum SaveOutcome
    {
        Nothing,
        Some,
        Unknown,
    }
}

/// <summary>What failed: a chat command or a card button, by its words or verb, for whom.</summary>
/// <param name="Kind">"Chat command" or "Card action".</param>
public sealed record FailedTurn(string Kind, string Name, Person? Person, Activity Activity);

/// <param name="Card">A message card saying what happened (for chat, or to replace the card acted on).</param>
/// <param name="Text">The same words alone, for when the card acted on stays (<paramref name="KeepCard"/>).</param>
/// <param name="Reference">The reference in the words and in the log line; none for a broken rule.</param>
public sealed record FailureAnswer(JsonObject Card, string Text, bool KeepCard, string? Reference);
