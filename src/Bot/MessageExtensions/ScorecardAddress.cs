using PmfBot.Bot.Publication;
using PmfBot.Domain.Calendar;

namespace PmfBot.Bot.MessageExtensions;

/// <summary>A published scorecard's address: <c>/published/{quarter}/boards|directorates/{slug}[.csv]</c>, on any host.</summary>
public sealed record ScorecardAddress(Period Quarter, bool IsBoard, string Name)
{
    public static ScorecardAddress? Parse(string? url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            return null;
        }

        var segments = uri.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries).Select(Uri.UnescapeDataString).ToArray();
        if (segments.Length != 4 || "/" + segments[0] != PublishedAddresses.Root || !Period.TryParse(segments[1], out var quarter) || quarter.Kind != PeriodKind.Quarter)
        {
            return null;
        }

        var isBoard = segments[2] == "boards";
        if (!isBoard && segments[2] != "directorates")
        {
            return null;
        }

        var name = segments[3].EndsWith(PublishedAddresses.CsvSuffix, StringComparison.OrdinalIgnoreCase) ? segments[3][..^PublishedAddresses.CsvSuffix.Length] : segments[3];
        return name.Length == 0 ? null : new ScorecardAddress(quarter, isBoard, name);
    }
}
