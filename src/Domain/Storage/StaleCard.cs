namespace PmfBot.Domain.Storage;

/// <summary>
/// The one stale-card rule: a card built from another version of what it changes (or from another
/// period than the one being reported) changes nothing, and the person is shown the latest.
/// A card that carries no version is always stale.
/// </summary>
public static class StaleCard
{
    public const string Message = "This card was out of date; here is the latest. Nothing was changed.";

    public static bool IsStale(int? seenVersion, int currentVersion) => seenVersion != currentVersion;
}
