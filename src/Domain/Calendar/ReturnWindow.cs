namespace PmfBot.Domain.Calendar;

/// <summary>The dates of one period's return cycle, all UK dates.</summary>
public sealed record ReturnWindow(
    Period Period,
    DateOnly Opens,
    DateOnly Due,
    DateOnly SignOff,
    DateOnly? BoardMeeting);
