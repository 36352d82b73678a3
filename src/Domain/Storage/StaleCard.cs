namespace PmfBot.Domain.Storage;

/// <summary>
/// A card built from an earlier version of what it changes: nothing is changed, and the person is
/// shown the latest. The refusal names <see cref="Field"/> so the card handler can tell it from a
/// broken rule.
/// </summary>
public static class StaleCard
{
    public const string Field = "version";

    public const string Message = "This card was out of date; here is the latest. Nothing was changed.";

    public static PmfRuleException Refusal() => new(Message, Field);

    public static bool IsStale(this PmfRuleException refusal) => refusal.Field == Field;
}
