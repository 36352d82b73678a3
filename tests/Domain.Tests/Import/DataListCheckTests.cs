using PmfBot.Domain.Boards;
using PmfBot.Domain.Calendar;
using PmfBot.Domain.Import;
using PmfBot.Domain.Indicators;
using Col = PmfBot.Domain.Import.DataListColumns;

namespace PmfBot.Domain.Tests.Import;

public sealed class DataListCheckTests
{
    private static DataListCheckResult Check(DataListFile file, Func<string, string?>? knownName = null) =>
        DataListCheck.Check(file.ToSheet(), knownName ?? (_ => null), 2025);

    private static ImportProblem SingleProblem(DataListFile file)
    {
        var result = Check(file);
        Assert.False(result.IsValid);
        return Assert.Single(result.Problems);
    }

    [Fact]
    public void A_typical_list_gives_one_entry_per_thing_not_per_row()
    {
        var list = Check(DataListFile.Typical()).List!;

        Assert.Single(list.Plans);
        Assert.Equal(2, list.Boards.Count);
        Assert.Single(list.Priorities);
        Assert.Equal(2, list.Indicators.Count);
        Assert.Equal(["AH"], list.Directorates.Select(d => d.Code));
        var h2 = list.Indicators.Single(i => i.Code == "CPP-H2");
        Assert.Equal(Tolerance.Percent(5), h2.Tolerance);
        Assert.Equal(Frequency.Quarterly, h2.Frequency);
        Assert.Equal(2000m, h2.Targets[Period.FinancialYear(2025)]);
        Assert.Equal(850m, h2.Targets[Period.Quarter(2025, 2)]);
        Assert.Equal(["jo.bell@council.gov.uk", "kim.lee@council.gov.uk"], h2.CollatorEmails);
        Assert.Equal(BoardKind.Scrutiny, list.Boards.Single(b => b.Name.StartsWith("Scrutiny", StringComparison.Ordinal)).Kind);
    }

    [Fact]
    public void A_word_that_is_not_a_polarity_is_reported_with_its_line_and_column()
    {
        var problem = SingleProblem(DataListFile.Typical().Set(3, Col.Polarity, "up"));

        Assert.Equal("line 3, column Polarity: 'up' is not a polarity: use 'higher is better' or 'lower is better'.", problem.ToString());
    }

    [Theory]
    [InlineData(Col.Frequency, "fortnightly", "'fortnightly' is not a frequency")]
    [InlineData(Col.BoardType, "committee", "'committee' is not a board type")]
    [InlineData(Col.PlanType, "wish list", "'wish list' is not a plan type")]
    [InlineData(Col.NationalOrLocal, "regional", "use 'national' or 'local'")]
    [InlineData(Col.DirectorateSignOff, "maybe", "'maybe' is not yes or no")]
    [InlineData(Col.Baseline, "sixty", "'sixty' is not a number")]
    [InlineData("Target 2025-26", "n/a", "'n/a' is not a number")]
    [InlineData(Col.Tolerance, "-2", "it cannot be negative")]
    [InlineData(Col.Tolerance, "about 5", "'about 5' is not a tolerance")]
    [InlineData(Col.Profile, "20;45;70", "four cumulative percentages")]
    [InlineData(Col.OwnerEmail, "kate.hughes", "'kate.hughes' is not an email address")]
    [InlineData(Col.CollatorEmails, "Jo Bell", "is not an email address, nor a name and email")]
    [InlineData(Col.PlanFrom, "next year", "is not a financial year")]
    [InlineData(Col.TeamsChannelId, "general", "is not a Teams channel id")]
    public void A_cell_that_means_nothing_is_reported_with_its_line_and_column(string column, string value, string expected)
    {
        // Line 3 is CPP-H2 (quarterly, on one row only), so no other row disagrees with the change.
        var problems = Check(DataListFile.Typical().Set(3, column, value)).Problems;

        Assert.Contains(problems, p => p.Line == 3 && p.Column == column && p.Message.Contains(expected, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(Col.OwnerEmail)]
    [InlineData(Col.Polarity)]
    [InlineData(Col.LeadOfficer)]
    [InlineData(Col.ChairEmail)]
    public void An_empty_required_cell_is_reported(string column)
    {
        var problem = SingleProblem(DataListFile.Typical().Set(3, column, ""));

        Assert.Equal((3, column), (problem.Line, problem.Column));
        Assert.Contains("this cell is empty", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_indicator_without_a_priority_code_is_reported()
    {
        var problem = Check(DataListFile.Typical().Set(3, Col.PriorityCode, "")).Problems.First(p => p.Column == Col.PriorityCode);

        Assert.Equal(3, problem.Line);
        Assert.Contains("must be linked to a priority", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_same_indicator_code_with_two_titles_is_reported_at_the_second_row()
    {
        var file = DataListFile.Typical().AddRow(DataListFile.IndicatorRow("CPP-H1", "Adults who are active", r =>
        {
            r[Col.PriorityCode] = "CPP-X";
            r[Col.Priority] = "Another priority";
        }));

        var problem = SingleProblem(file);

        Assert.Equal("line 5, column Indicator: indicator CPP-H1 has 'Adults who are active' here but 'Percentage of adults who are physically active' on line 2: it must read the same on every row.", problem.ToString());
    }

    [Fact]
    public void One_email_with_two_names_is_reported()
    {
        var problem = SingleProblem(DataListFile.Typical().Set(3, Col.Owner, "Katherine Hughes"));

        Assert.Equal((3, Col.Owner), (problem.Line, problem.Column));
        Assert.Contains("kate.hughes@council.gov.uk is 'Kate Hughes' on line 2 but 'Katherine Hughes' here", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_priority_on_two_boards_is_reported()
    {
        var file = DataListFile.Typical().AddRow(DataListFile.IndicatorRow("CPP-H9", "Another indicator", r =>
        {
            r[Col.Board] = "Best Council Board";
            r[Col.BoardType] = "Best Council board";
            r[Col.TeamsChannelId] = "";
            r[Col.TeamsTeamId] = "";
            r[Col.TeamsChannelName] = "";
        }));

        var problem = SingleProblem(file);

        Assert.Equal("line 5, column Board: priority CPP-H is owned by Health and Wellbeing Board on line 2: a priority belongs to one board.", problem.ToString());
    }

    [Fact]
    public void The_same_link_on_two_rows_is_reported()
    {
        var problem = SingleProblem(DataListFile.Typical().AddRow(DataListFile.IndicatorRow("CPP-H1", "Percentage of adults who are physically active")));

        Assert.Equal((5, Col.IndicatorCode), (problem.Line, problem.Column));
        Assert.Contains("already linked to priority CPP-H on line 2", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_indicator_on_two_priorities_is_one_indicator_with_two_links()
    {
        var file = DataListFile.Typical().AddRow(DataListFile.IndicatorRow("CPP-H1", "Percentage of adults who are physically active", r =>
        {
            r[Col.PriorityCode] = "CPP-HA";
            r[Col.Priority] = "Support more people to live independently";
        }));

        var list = Check(file).List!;

        Assert.Equal(["CPP-H", "CPP-HA"], list.Indicators.Single(i => i.Code == "CPP-H1").PriorityCodes);
    }

    [Fact]
    public void A_scrutiny_board_cannot_own_a_priority()
    {
        var problems = Check(DataListFile.Typical().Set(2, Col.BoardType, "Scrutiny board")).Problems;

        Assert.Contains(problems, p => p.Line == 2 && p.Column == Col.BoardType && p.Message.Contains("does not own them", StringComparison.Ordinal));
    }

    [Fact]
    public void A_target_for_a_quarter_on_an_annual_indicator_is_reported()
    {
        var problem = SingleProblem(DataListFile.Typical().Set(2, "Target 2025-26-Q2", "60"));

        Assert.Equal((2, "Target 2025-26-Q2"), (problem.Line, problem.Column));
        Assert.Contains("CPP-H1 is reported annually, so it cannot have a target for Q2 2025/26", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_bare_email_nobody_named_is_reported_unless_PmfBot_already_knows_the_person()
    {
        var file = DataListFile.Typical().Set(3, Col.CollatorEmails, "pat.doe@council.gov.uk");

        var problem = SingleProblem(file);
        Assert.Equal((3, Col.CollatorEmails), (problem.Line, problem.Column));
        Assert.Contains("write it as Name <pat.doe@council.gov.uk>", problem.Message, StringComparison.Ordinal);

        Assert.True(Check(file, email => email == "pat.doe@council.gov.uk" ? "Pat Doe" : null).IsValid);
    }

    [Fact]
    public void A_heading_that_appears_twice_is_reported_on_the_header_line()
    {
        var problem = SingleProblem(DataListFile.Typical().AddColumn("unit"));

        Assert.Equal((1, "unit"), (problem.Line, problem.Column));
        Assert.Contains("appears twice", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_column_is_reported_with_the_nearest_heading()
    {
        var problem = SingleProblem(DataListFile.Typical().RenameColumn(Col.Tolerance, "Tolerence"));

        Assert.Equal("line 1, column Tolerence: this is not a column of the single data list: did you mean 'Tolerance'?", problem.ToString());
    }

    [Fact]
    public void A_target_column_that_names_no_period_is_reported()
    {
        var problem = SingleProblem(DataListFile.Typical().AddColumn("Target next year"));

        Assert.Equal((1, "Target next year"), (problem.Line, problem.Column));
        Assert.Contains("'next year' is not a period", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_required_column_is_reported_once_and_not_on_every_row()
    {
        var problem = SingleProblem(DataListFile.Typical().RemoveColumn(Col.Polarity));

        Assert.Equal("line 1, column Polarity: the column is missing: add it (see docs/import.md).", problem.ToString());
    }

    [Fact]
    public void Every_problem_in_the_file_is_reported_in_line_order()
    {
        var file = DataListFile.Typical()
            .Set(3, Col.Frequency, "weekly")
            .Set(2, Col.Baseline, "lots")
            .Set(4, Col.ChairEmail, "not an email");

        var problems = Check(file).Problems;

        Assert.Equal([(2, Col.Baseline), (3, Col.Frequency), (4, Col.ChairEmail)], problems.Select(p => (p.Line, p.Column)));
    }

    [Fact]
    public void Words_are_matched_ignoring_case_spaces_and_hyphens()
    {
        var file = DataListFile.Typical()
            .Set(3, Col.Polarity, "  Lower Is Better ")
            .Set(3, Col.Frequency, "Six-Monthly")
            .Set(3, "Target 2025-26-Q2", "")
            .Set(3, Col.Profile, "");

        var indicator = Check(file).List!.Indicators.Single(i => i.Code == "CPP-H2");

        Assert.Equal((Polarity.LowerIsBetter, Frequency.SixMonthly), (indicator.Polarity, indicator.Frequency));
    }

    [Fact]
    public void Plan_years_default_to_the_years_with_targets_when_the_file_gives_none()
    {
        var file = DataListFile.Typical().RemoveColumn(Col.PlanFrom).RemoveColumn(Col.PlanTo);

        var plan = Check(file).List!.Plans.Single();

        Assert.Equal((2025, 2028), (plan.FirstYear, plan.LastYear));
    }
}
