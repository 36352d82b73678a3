using PmfBot.Domain.Calendar;
using PmfBot.Domain.Exceptions;
using PmfBot.Domain.Indicators;
using PmfBot.Domain.RagRatings;
using PmfBot.Domain.Returns;
using PmfBot.Domain.Travel;

namespace PmfBot.Domain.Results;

/// <summary>
/// One indicator's position for a reporting quarter, as a board or scrutiny reads it: its latest
/// period that has ended by then, the return, RAG, direction of travel, trend and exceptions.
/// </summary>
public sealed record IndicatorResult(
    Indicator Indicator,
    Period Period,
    IndicatorReturn? Return,
    decimal? Target,
    Rag Rag,
    TravelAssessment Travel,
    IReadOnlyList<TrendPoint> Trend,
    IReadOnlyList<IndicatorException> Exceptions,
    bool IsLate)
{
    public decimal? Value => Return is { HasAnswer: true } ret ? ret.Value : null;

    public bool IsMissing => Return is null || !Return.HasAnswer;
}

/// <summary>
/// One point of an indicator's trend, oldest first. <see cref="Target"/> is the one its return was
/// measured against, else the indicator's target for the period if the caller loaded it.
/// </summary>
public sealed record TrendPoint(Period Period, decimal? Value, Rag Rag, decimal? Target = null);
