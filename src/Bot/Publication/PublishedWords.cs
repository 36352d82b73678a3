using System.Globalization;
using PmfBot.Bot.Status;
using PmfBot.Domain.Calendar;
using PmfBot.Domain.RagRatings;
using PmfBot.Domain.Scorecards;
using PmfBot.Domain.Travel;

namespace PmfBot.Bot.Publication;

/// <summary>How the published scorecards word periods, ratings and results, in the council's words.</summary>
public static class PublishedWords
{
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-GB");

    /// <summary>What every published address says about a quarter the performance team has not released.</summary>
    public static string NotReleasedYet(Period quarter) =>
        $"{PeriodName(quarter)} has not been released yet. Its scorecards are published once the council's performance team has released them for public display.";

    /// <summary>"Quarter 2 2025/26", "September 2025", "First half of 2025/26", "2025/26".</summary>
    public static string PeriodName(Period period) => period.Kind switch
    {
        PeriodKind.Quarter => $"Quarter {period.Number} {period.FinancialYearLabel}",
        PeriodKind.Month => period.Start.ToString("MMMM yyyy", English),
        PeriodKind.HalfYear => $"{(period.Number == 1 ? "First" : "Second")} half of {period.FinancialYearLabel}",
        _ => period.FinancialYearLabel,
    };

    /// <summary>"July to September 2025", "October 2025 to March 2026".</summary>
    public static string Months(Period period) => period.Start.Year == period.End.Year
        ? $"{period.Start.ToString("MMMM", English)} to {period.End.ToString("MMMM yyyy", English)}"
        : $"{period.Start.ToString("MMMM yyyy", English)} to {period.End.ToString("MMMM yyyy", English)}";

    public static string RagName(Rag rag) => rag switch
    {
        Rag.Green => "Green",
        Rag.Amber => "Amber",
        Rag.Red => "Red",
        Rag.NoTarget => "No target",
        _ => "No data",
    };

    public static string TravelName(DirectionOfTravel travel) => travel switch
    {
        DirectionOfTravel.Improving => "Improving",
        DirectionOfTravel.NoChange => "No change",
        DirectionOfTravel.Worsening => "Worsening",
        _ => "Not comparable",
    };

    public static string TravelArrow(DirectionOfTravel travel) => travel switch
    {
        DirectionOfTravel.Improving => "↑",
        DirectionOfTravel.NoChange => "→",
        DirectionOfTravel.Worsening => "↓",
        _ => "–",
    };

    /// <summary>The overall rating as a word: the agreed RAG, or why there is none.</summary>
    public static string Rating(PublishedRating rating) => rating switch
    {
        { IsDecided: true, Rag: { } rag } => RagName(rag),
        { State: RatingPublication.AwaitingBoardApproval } => "Awaiting board approval",
        _ => "Not yet rated",
    };

    /// <summary>"Approved by the board on 12 Nov 2025", "Amended by the board on ...", "Awaiting board approval".</summary>
    public static string RatingStatus(PublishedRating rating) => rating.State switch
    {
        RatingPublication.Approved => "Approved by the board" + On(rating.DecidedAt),
        RatingPublication.Amended => "Amended by the board" + On(rating.DecidedAt),
        RatingPublication.AwaitingBoardApproval => "Awaiting board approval",
        _ => "Not yet rated",
    };

    public static string ResultStatus(PublishedResult result) => result.Publication switch
    {
        ResultPublication.Published when result.Result.Value is null => "Not available",
        ResultPublication.Published => "Published",
        ResultPublication.AwaitingSignOff => "Awaiting directorate sign-off",
        ResultPublication.Missing => "Missing",
        ResultPublication.NotYetDue => "Not yet due",
        _ => "No return",
    };

    /// <summary>The result cell: the value with its unit, or the status when there is no value to show.</summary>
    public static string Result(PublishedResult result) => result.Result.Value is { } value
        ? ResultText.Number(value, result.Result.Indicator.Unit)
        : ResultStatus(result);

    public static string Target(PublishedResult result) => ResultText.Target(result.Result.Target, result.Result.Indicator);

    public static string Generated(DateTimeOffset instant) =>
        TimeZoneInfo.ConvertTime(instant, UkTime.Zone).ToString("d MMMM yyyy 'at' HH:mm", English);

    private static string On(DateTimeOffset? at) => at is { } when ? $" on {ResultText.Date(when)}" : "";
}
