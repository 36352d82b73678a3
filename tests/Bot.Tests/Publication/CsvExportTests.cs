using System.Net;
using Microsoft.EntityFrameworkCore;
using PmfBot.Bot.Publication;
using PmfBot.Bot.Tests.Publication.Support;
using PmfBot.Domain.Calendar;
using PmfBot.Domain.Returns;
using static PmfBot.Bot.Tests.Publication.Support.ScorecardReading;

namespace PmfBot.Bot.Tests.Publication;

public sealed class CsvExportTests(SqliteSiteFixture fixture) : IClassFixture<SqliteSiteFixture>
{
    private static readonly Period Q2 = Period.Quarter(2025, 2);

    private PublishedSite Site => fixture.Site;

    [Fact]
    public async Task Each_board_csv_parses_back_with_one_record_per_indicator_shown_in_the_same_order()
    {
        await using var db = Site.NewContext();
        foreach (var board in (await db.Boards.ToListAsync()).Where(b => b.OwnsPriorities))
        {
            var (_, page) = await Site.PageAsync($"/published/2025-26-Q2/boards/{board.Id}");
            var (response, bytes, records) = await Site.CsvAsync($"/published/2025-26-Q2/boards/{board.Id}.csv");

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("text/csv; charset=utf-8", response.Content.Headers.ContentType!.ToString());
            Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
            Assert.Equal(ScorecardCsv.Columns, records[0]);
            Assert.All(records, r => Assert.Equal(ScorecardCsv.Columns.Length, r.Length));
            var shown = Sections(page).SelectMany(s => s.Rows.Select(r => (s.Code, r.Code, r.Rag))).ToList();
            Assert.Equal(shown, records.Skip(1).Select(r => (r[3], r[9], r[17])));
        }
    }

    [Fact]
    public async Task The_download_is_an_attachment_named_after_the_board_and_quarter_and_format_csv_gives_the_same_file()
    {
        var (response, bytes, _) = await Site.CsvAsync("/published/2025-26-Q2/boards/health-and-wellbeing-board.csv");
        var (byQuery, sameBytes, _) = await Site.CsvAsync("/published/2025-26-Q2/boards/health-and-wellbeing-board?format=csv");

        var disposition = response.Content.Headers.ContentDisposition!;
        Assert.Equal("attachment", disposition.DispositionType);
        Assert.Equal("health-and-wellbeing-board-2025-26-Q2.csv", disposition.FileName?.Trim('"'));
        Assert.Equal(HttpStatusCode.OK, byQuery.StatusCode);
        Assert.Equal(bytes, sameBytes);
    }

    [Fact]
    public async Task The_directorate_csv_has_a_record_per_priority_then_per_key_indicator()
    {
        var (_, page) = await Site.PageAsync("/published/2025-26-Q2/directorates/res");
        var (_, _, records) = await Site.CsvAsync("/published/2025-26-Q2/directorates/res.csv");

        var priorities = Rows(page.QuerySelector("section[aria-labelledby=priorities] table")).Select(r => r.Code).ToList();
        var indicators = Rows(page.QuerySelector("section[aria-labelledby=indicators] table")).Select(r => r.Code).ToList();
        Assert.Equal(1 + priorities.Count + indicators.Count, records.Count);
        Assert.Equal(priorities, records.Skip(1).Take(priorities.Count).Select(r => r[3]));
        Assert.Equal(indicators, records.Skip(1 + priorities.Count).Select(r => r[9]));
        Assert.All(records.Skip(1), r => Assert.Equal("Q2 2025/26", r[0]));
    }

    [Fact]
    public async Task Commentary_with_commas_quotes_and_a_line_break_comes_back_exactly_as_written()
    {
        const string commentary = "Repeat cases fell to 25%, the \"lowest\" since 2019 & the team's best;\nreferrals rose.";
        await Correct("NI 32", value: null, commentary);

        var (_, bytes, records) = await Site.CsvAsync("/published/2025-26-Q2/boards/safer-and-stronger-communities-board.csv");

        Assert.Equal(commentary, records.Single(r => r[9] == "NI 32")[20]);
        Assert.Contains("\"Repeat cases fell to 25%, the \"\"lowest\"\" since 2019", System.Text.Encoding.UTF8.GetString(bytes));
    }

    [Fact]
    public async Task A_formula_in_commentary_is_neutralised_while_a_negative_result_stays_a_number()
    {
        const string formula = "=HYPERLINK(\"https://example.test\",\"Click for detail\")";
        await Correct("CPP-S6", value: -3.5m, formula);

        var (_, _, records) = await Site.CsvAsync("/published/2025-26-Q2/boards/safer-and-stronger-communities-board.csv");

        var record = records.Single(r => r[9] == "CPP-S6");
        Assert.Equal("'" + formula, record[20]);
        Assert.Equal("-3.5", record[15]);
    }

    /// <summary>The owner corrects a submitted Q2-shown return (Communities, Housing and Environment does not sign off).</summary>
    private async Task Correct(string code, decimal? value, string commentary)
    {
        await using var db = Site.NewContext();
        var indicator = await db.Indicators.SingleAsync(i => i.Code == code);
        var period = Domain.Results.IndicatorResults.PeriodFor(indicator.Frequency, Q2);
        var ret = await db.Returns.SingleAsync(r => r.IndicatorId == indicator.Id && r.Period == period);
        Assert.Equal(ReturnState.Submitted, ret.State);
        var entry = ret.CurrentEntry() with { Commentary = commentary };
        await Site.UseAsync<SubmitReturn, IndicatorReturn>(submit => submit.HandleAsync(new SubmitReturn.Command(
            indicator.OwnerId, ret.Id, value is { } v ? entry with { Value = v } : entry)));
    }
}
