using System.Globalization;
using PmfBot.Domain.Compliance;

namespace PmfBot.Domain.Tests.Compliance;

public class ComplianceRuleTests
{
    private static readonly DateOnly Due = new(2025, 7, 14);

    private static DateTimeOffset? At(string? iso) => iso is null ? null : DateTimeOffset.Parse(iso, CultureInfo.InvariantCulture);

    [Theory]
    [InlineData("2025-07-10T09:00:00Z", "2025-07-11", ReturnCompliance.OnTime)]
    [InlineData("2025-07-14T22:59:59Z", "2025-07-20", ReturnCompliance.OnTime)] // 23:59:59 BST on the due date
    [InlineData("2025-07-14T23:00:00Z", "2025-07-20", ReturnCompliance.Late)]   // midnight BST: the next day
    [InlineData(null, "2025-07-14", ReturnCompliance.NotYetDue)]
    [InlineData(null, "2025-07-01", ReturnCompliance.NotYetDue)]
    [InlineData(null, "2025-07-15", ReturnCompliance.Missing)]
    public void A_return_is_classified_against_the_end_of_its_due_date(string? submittedAt, string today, ReturnCompliance expected) =>
        Assert.Equal(expected, ComplianceRule.Classify(Due, At(submittedAt), DateOnly.Parse(today, CultureInfo.InvariantCulture)));

    [Fact]
    public void Counts_are_grouped_by_directorate_and_by_owner_with_the_share_on_time()
    {
        var report = ComplianceRule.Summarise(
        [
            new("Children", "Chris", ReturnCompliance.OnTime),
            new("Children", "Chris", ReturnCompliance.Late),
            new("Children", "Alex", ReturnCompliance.Late),
            new("Adults", "Alex", ReturnCompliance.OnTime),
            new("Adults", "Alex", ReturnCompliance.OnTime),
            new("Adults", "Bea", ReturnCompliance.Missing),
            new("Adults", "Bea", ReturnCompliance.Late),
            new("Adults", "Bea", ReturnCompliance.NotYetDue),
        ]);

        Assert.Equal(
            [new ComplianceCounts("Adults", 2, 1, 1, 1), new ComplianceCounts("Children", 1, 2, 0, 0)],
            report.ByDirectorate);
        Assert.Equal(
            [new ComplianceCounts("Alex", 2, 1, 0, 0), new ComplianceCounts("Bea", 0, 1, 1, 1), new ComplianceCounts("Chris", 1, 1, 0, 0)],
            report.ByOwner);
        Assert.Equal(new ComplianceCounts("All", 3, 3, 1, 1), report.Overall);
    }

    [Theory]
    [InlineData(2, 1, 1, 1, 50.0)]   // not-yet-due returns are left out of the share
    [InlineData(1, 2, 0, 0, 33.3)]
    [InlineData(2, 1, 0, 0, 66.7)]
    [InlineData(3, 3, 1, 0, 42.9)]
    [InlineData(0, 0, 2, 0, 0.0)]
    [InlineData(5, 0, 0, 9, 100.0)]
    public void The_share_on_time_is_of_the_returns_already_due_to_one_decimal_place(int onTime, int late, int missing, int notYetDue, double expected) =>
        Assert.Equal((decimal)expected, new ComplianceCounts("x", onTime, late, missing, notYetDue).PercentOnTime);

    [Fact]
    public void With_nothing_due_yet_there_is_no_share_rather_than_zero() =>
        Assert.Null(new ComplianceCounts("x", 0, 0, 0, 4).PercentOnTime);

    [Fact]
    public void An_empty_list_gives_an_empty_report()
    {
        var report = ComplianceRule.Summarise([]);

        Assert.Empty(report.ByDirectorate);
        Assert.Empty(report.ByOwner);
        Assert.Equal(0, report.Overall.Total);
    }
}
