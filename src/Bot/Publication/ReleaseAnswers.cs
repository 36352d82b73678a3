using System.Globalization;
using PmfBot.Domain.Calendar;
using PmfBot.Domain.Scorecards;

namespace PmfBot.Bot.Publication;

/// <summary>What the performance team is told when it releases or withdraws a quarter, in chat and on the compliance card.</summary>
public static class ReleaseAnswers
{
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-GB");

    public static string Released(ReleaseQuarter.Outcome outcome, bool publicationOn)
    {
        var name = PublishedWords.PeriodName(outcome.Quarter);
        var head = outcome.Changed
            ? $"{name} is released for public display: its scorecards are now on the published pages ({PublishedAddresses.Index(outcome.Quarter)})."
            : $"{name} was already released by {outcome.ByName ?? "the performance team"} on {When(outcome.At)}: nothing has changed.";
        var ratings = outcome.AwaitingBoard > 0
            ? $" {Count(outcome.Decided, "rating")} agreed by their boards; {Count(outcome.AwaitingBoard, "proposal")} still with the chair, shown as \"Awaiting board approval\" until decided, then at once."
            : $" {Count(outcome.Decided, "rating")} agreed by their boards.";
        return head + ratings + (publicationOn ? "" : Off);
    }

    public static string Withdrawn(ReleaseQuarter.Outcome outcome) => outcome.Changed
        ? $"{PublishedWords.PeriodName(outcome.Quarter)} is withdrawn from public display: every published address now says it has not been released. Release it again with \"cycle publish {outcome.Quarter.Key}\"."
        : $"{PublishedWords.PeriodName(outcome.Quarter)} is not released, so there was nothing to withdraw.";

    /// <summary>The compliance card's line about the quarter's release.</summary>
    public static string State(ReleaseQuarter.Outcome? state, Period quarter) => state switch
    {
        { IsReleased: true } => $"Released for public display by {state.ByName ?? "the performance team"} on {When(state.At)}.",
        { IsReleased: false } => $"Withdrawn from public display by {state.ByName ?? "the performance team"} on {When(state.At)}.",
        null => $"{PublishedWords.PeriodName(quarter)} has not been released for public display yet.",
    };

    private const string Off = " Publication is off on this server (Publication:Enabled), so nobody sees the pages until it is switched on.";

    private static string Count(int n, string what) => n == 1 ? $"1 {what}" : $"{n} {what}s";

    private static string When(DateTimeOffset? at) =>
        at is { } time ? TimeZoneInfo.ConvertTime(time, UkTime.Zone).ToString("d MMMM yyyy 'at' HH:mm", English) : "an earlier date";
}
