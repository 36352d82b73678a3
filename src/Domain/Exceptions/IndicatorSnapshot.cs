using PmfBot.Domain.Indicators;

namespace PmfBot.Domain.Exceptions;

using PmfBot.Domain.RagRatings;

/// <summary>
/// What the exception rule needs to know about one indicator in one period.
/// <paramref name="PreviousValues"/> are the values of the periods before, most recent first
/// (null where no value was reported). <paramref name="Rating"/> is the stored assessment when
/// there is one (so an override counts); without it the rating is computed.
/// <paramref name="Unit"/> is only for the wording ("%", "days").
/// </summary>
public sealed record IndicatorSnapshot(
    decimal? Value,
    decimal? Target,
    Tolerance Tolerance,
    Polarity Polarity,
    IReadOnlyList<decimal?> PreviousValues,
    bool IsPastDue = false,
    string? NotAvailableReason = null,
    RagAssessment? Rating = null,
    string Unit = "");
