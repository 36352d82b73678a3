namespace PmfBot.Domain;

/// <summary>
/// What a use case did with what a person asked on a card, as a value the bot renders: saved, a
/// stale card (nothing changed), a field to put right, or refused with the reason people read.
/// </summary>
public abstract record CardOutcome<T>
{
    private CardOutcome()
    {
    }

    public sealed record Saved(T Value, DateTimeOffset At) : CardOutcome<T>;

    /// <summary>The card was built from another version or period (see <see cref="Storage.StaleCard"/>): nothing changed.</summary>
    public sealed record Stale(string Message) : CardOutcome<T>;

    /// <summary>Nothing was saved: the named card field needs putting right.</summary>
    public sealed record Invalid(string Field, string Message) : CardOutcome<T>;

    /// <summary>Nothing was saved: a form checked whole, each named card field with what to put right.</summary>
    public sealed record InvalidFields(IReadOnlyDictionary<string, string> Errors) : CardOutcome<T>;

    /// <summary>Nothing was saved: a rule said no (already decided, someone else saved first), shown on the card.</summary>
    public sealed record Refused(string Reason) : CardOutcome<T>;

    /// <summary>The person may not do this, or what the card is about is gone: shown instead of the card.</summary>
    public sealed record NotAllowed(string Title, string Reason) : CardOutcome<T>;

    /// <summary>Runs a change; a broken rule becomes <see cref="Invalid"/> (with its field) or <see cref="Refused"/>.</summary>
    public static async Task<CardOutcome<T>> TryAsync(Func<Task<CardOutcome<T>>> change)
    {
        try
        {
            return await change();
        }
        catch (PmfRuleException refused) when (refused.Field is { Length: > 0 } field)
        {
            return new Invalid(field, refused.Message);
        }
        catch (PmfRuleException refused)
        {
            return new Refused(refused.Message);
        }
    }
}
