using PmfBot.Bot.Publication;

namespace PmfBot.Bot.Tests.Publication;

public sealed class CsvTextTests
{
    [Theory]
    [InlineData("=1+1")]
    [InlineData("+1")]
    [InlineData("-1")]
    [InlineData("@SUM(A1)")]
    [InlineData("\tlooks blank")]
    [InlineData("\rlooks blank")]
    public void A_text_cell_a_spreadsheet_would_run_gets_a_leading_apostrophe(string text) =>
        Assert.Equal("'" + text, CsvText.Text(text));

    [Theory]
    [InlineData("On track.")]
    [InlineData("")]
    [InlineData("92% = on target")]
    public void Other_text_is_left_as_written(string text) => Assert.Equal(text, CsvText.Text(text));

    [Theory]
    [InlineData(-3.5, "-3.5")]
    [InlineData(1250, "1250")]
    [InlineData(0.1234, "0.1234")]
    public void A_number_cell_is_a_plain_invariant_number(double value, string expected) =>
        Assert.Equal(expected, CsvText.Number((decimal)value));

    [Fact]
    public void A_field_with_a_comma_quote_or_line_break_is_quoted_with_its_quotes_doubled() =>
        Assert.Equal("plain,\"a,b\",\"say \"\"hi\"\"\",\"two\r\nlines\",\"bare\nlf\"\r\n", CsvText.Record(["plain", "a,b", "say \"hi\"", "two\r\nlines", "bare\nlf"]));
}
