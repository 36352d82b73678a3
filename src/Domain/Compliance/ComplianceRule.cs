using PmfBot.Domain.Calendar;

namespace PmfBot.Domain.Compliance;

public static class ComplianceRule
{
    /// <summary>
    /// On time when submitted by the end of the due date (UK time), late when after it. An
    /// unsubmitted return is missing once the due date has passed. A "not available" return
    /// with a reason counts as submitted: pass the instant it was sent.
    /// </summary>
    public static ReturnCompliance Classify(DateOnly due, DateTimeOffset? submittedAt, DateOnly today)
    {
        var late = ReturnCalendar.IsLate(submittedAt, due, today);
        return submittedAt is null
            ? late ? ReturnCompliance.Missing : ReturnCompliance.NotYetDue
            : late ? ReturnCompliance.Late : ReturnCompliance.OnTime;
    }

    /// <summary>Counts by directorate and by owner; keys are whatever the caller names them by.</summary>
    public static ComplianceReport Summarise(IEnumerable<ComplianceEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var list = entries.ToList();
        return new ComplianceReport(
            CountBy(list, entry => entry.Directorate),
            CountBy(list, entry => entry.Owner),
            ComplianceCounts.Of("All", list.Select(entry => entry.Status)));
    }

    private static IReadOnlyList<ComplianceCounts> CountBy(List<ComplianceEntry> entries, Func<ComplianceEntry, string> key) =>
        entries
            .GroupBy(key, StringComparer.Ordinal)
            .OrderBy(group => group.Key, StringComparer.Ordinal)
            .Select(group => ComplianceCounts.Of(group.Key, group.Select(entry => entry.Status)))
            .ToList();
}
