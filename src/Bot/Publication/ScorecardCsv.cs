using System.Text;
using PmfBot.Domain.Indicators;
using PmfBot.Domain.Scorecards;

namespace PmfBot.Bot.Publication;

/// <summary>
/// The CSV twin of a scorecard page, one column set for both kinds. A board's file has a record
/// per priority and indicator (a priority without indicators still gets one); a directorate's
/// has a record per priority, then one per key indicator. Target and Result are plain numbers.
/// </summary>
public static class ScorecardCsv
{
    public static readonly string[] Columns =
    [
        "Period", "Board", "Directorate", "Priority code", "Priority", "Lead officer", "Overall rating", "Rating status", "Rating summary",
        "Indicator code", "Indicator", "Unit", "Polarity", "Indicator period", "Target", "Result", "Result status", "RAG",
        "Since last period", "Since same period last year", "Commentary",
    ];

    public static string Board(PublishedScorecards.BoardView view, Func<Guid?, string> directorateName)
    {
        var csv = new StringBuilder(CsvText.Record(Columns));
        foreach (var section in view.Priorities)
        {
            var priority = PriorityFields(section.Priority, directorateName(section.Priority.Priority.DirectorateId));
            if (section.Indicators.Count == 0)
            {
                csv.Append(CsvText.Record([view.Quarter.Label, .. priority, .. NoIndicator]));
            }

            foreach (var result in section.Indicators)
            {
                csv.Append(CsvText.Record([view.Quarter.Label, .. priority, .. IndicatorFields(result)]));
            }
        }

        return csv.ToString();
    }

    public static string Directorate(PublishedScorecards.DirectorateView view)
    {
        var csv = new StringBuilder(CsvText.Record(Columns));
        foreach (var line in view.Priorities)
        {
            csv.Append(CsvText.Record([view.Quarter.Label, .. PriorityFields(line, view.Directorate.Name), .. NoIndicator]));
        }

        foreach (var result in view.Indicators)
        {
            csv.Append(CsvText.Record([view.Quarter.Label, "", CsvText.Text(view.Directorate.Name), "", "", "", "", "", "", .. IndicatorFields(result)]));
        }

        return csv.ToString();
    }

    private static readonly string[] NoIndicator = Enumerable.Repeat("", 12).ToArray();

    private static string[] PriorityFields(PublishedScorecards.PriorityLine line, string directorate) =>
    [
        CsvText.Text(line.BoardName),
        CsvText.Text(directorate),
        CsvText.Text(line.Priority.Code),
        CsvText.Text(line.Priority.Title),
        CsvText.Text(line.LeadOfficerName),
        line.Rating.IsDecided ? PublishedWords.Rating(line.Rating) : "",
        CsvText.Text(PublishedWords.RatingStatus(line.Rating)),
        CsvText.Text(Summary(line.Rating)),
    ];

    private static string[] IndicatorFields(PublishedResult published)
    {
        var r = published.Result;
        var shown = published.IsPublished;
        return
        [
            CsvText.Text(r.Indicator.Code),
            CsvText.Text(r.Indicator.Title),
            CsvText.Text(r.Indicator.Unit),
            r.Indicator.Polarity == Polarity.HigherIsBetter ? "Higher is better" : "Lower is better",
            r.Period.Label,
            CsvText.Number(r.Target),
            CsvText.Number(r.Value),
            CsvText.Text(r.Return is { NotAvailableReason: { Length: > 0 } reason } ? $"Not available: {reason}" : PublishedWords.ResultStatus(published)),
            shown ? PublishedWords.RagName(r.Rag) : "",
            shown ? PublishedWords.TravelName(r.Travel.AgainstPreviousPeriod) : "",
            shown ? PublishedWords.TravelName(r.Travel.AgainstSamePeriodLastYear) : "",
            shown ? CsvText.Text(r.Return?.Commentary) : "",
        ];
    }

    private static string Summary(PublishedRating rating) => rating.AmendmentReason is { } reason
        ? $"{rating.Summary}\nThe board amended the proposed rating: {reason}"
        : rating.Summary ?? "";
}
