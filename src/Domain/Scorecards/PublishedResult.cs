using PmfBot.Domain.Calendar;
using PmfBot.Domain.Results;
using PmfBot.Domain.Returns;

namespace PmfBot.Domain.Scorecards;

/// <summary>Where an indicator's return for the period stands as the public reads it.</summary>
public enum ResultPublication
{
    /// <summary>Submitted, and signed off where the directorate signs off: value, RAG and commentary are shown.</summary>
    Published,

    /// <summary>Submitted in a directorate that signs off, and not signed off yet.</summary>
    AwaitingSignOff,

    /// <summary>Not submitted (open, draft or sent back) and past its due date.</summary>
    Missing,

    /// <summary>Not submitted and not yet due.</summary>
    NotYetDue,

    /// <summary>No return was opened for the period.</summary>
    NoReturn,
}

/// <summary>
/// One indicator's result as published. <see cref="Result"/> is read from published returns only:
/// a return that has not been through sign-off adds no value, RAG, travel or commentary, here or
/// in the trend of a later period.
/// </summary>
public sealed record PublishedResult(IndicatorResult Result, ResultPublication Publication)
{
    public bool IsPublished => Publication == ResultPublication.Published;

    /// <summary>A return is published once submitted, or once signed off where its directorate uses sign-off.</summary>
    public static bool IsPublishable(ReturnState state, bool directorateSignsOff) =>
        state == ReturnState.SignedOff || (state == ReturnState.Submitted && !directorateSignsOff);

    internal static ResultPublication Of(IndicatorResult result, ReturnState? actualState, DateOnly? dueDate, DateOnly today) =>
        (result.Return, actualState, dueDate) switch
        {
            ({ }, _, _) => ResultPublication.Published,
            (null, ReturnState.Submitted, _) => ResultPublication.AwaitingSignOff,
            (null, null, _) => ResultPublication.NoReturn,
            (null, _, { } due) when today > due => ResultPublication.Missing,
            _ => ResultPublication.NotYetDue,
        };
}
