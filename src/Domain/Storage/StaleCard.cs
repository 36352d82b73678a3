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

    /// <summary>A card about many things (a directorate's returns) carries a fingerprint of their versions: any change to any of them changes it.</summary>
    public static bool IsStale(string? seenFingerprint, string currentFingerprint) => seenFingerprint != currentFingerprint;

    public static string Fingerprint(IEnumerable<(Guid Id, int Version)> versions)
    {
        var lines = string.Join('\n', versions.OrderBy(r => r.Id.ToString(), StringComparer.Ordinal)
            .Select(r => $"{r.Id}:{r.Version.ToString(System.Globalization.CultureInfo.InvariantCulture)}"));
        return Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(lines)))[..8];
    }
}
