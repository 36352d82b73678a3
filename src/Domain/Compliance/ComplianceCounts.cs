namespace PmfBot.Domain.Compliance;

public sealed record ComplianceCounts(string Key, int OnTime, int Late, int Missing, int NotYetDue)
{
    /// <summary>Returns whose due date has passed: the ones that can be judged.</summary>
    public int Due => OnTime + Late + Missing;

    public int Total => Due + NotYetDue;

    /// <summary>
    /// Share of due returns that came in on time, to one decimal place; null when none is due
    /// yet, because 0% would accuse people of something that has not happened.
    /// </summary>
    public decimal? PercentOnTime => Due == 0
        ? null
        : Math.Round(100m * OnTime / Due, 1, MidpointRounding.AwayFromZero);

    public static ComplianceCounts Of(string key, IEnumerable<ReturnCompliance> statuses)
    {
        var list = statuses.ToList();
        return new ComplianceCounts(
            key,
            list.Count(s => s == ReturnCompliance.OnTime),
            list.Count(s => s == ReturnCompliance.Late),
            list.Count(s => s == ReturnCompliance.Missing),
            list.Count(s => s == ReturnCompliance.NotYetDue));
    }
}
