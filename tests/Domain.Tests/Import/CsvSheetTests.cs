using PmfBot.Domain.Import;

namespace PmfBot.Domain.Tests.Import;

public sealed class CsvSheetTests
{
    [Fact]
    public void Quoted_cells_keep_their_commas_quotes_and_line_breaks()
    {
        var sheet = CsvSheet.Read(new StringReader("A,B,C\r\n\"one, two\",\"say \"\"hi\"\"\",\"two\nlines\"\r\nx,y,z\r\n"));

        Assert.Equal(["A", "B", "C"], sheet.Headers);
        Assert.Equal(["one, two", "say \"hi\"", "two\nlines"], sheet.Rows[0].Cells);
        Assert.Equal(["x", "y", "z"], sheet.Rows[1].Cells);
    }

    [Fact]
    public void Each_row_keeps_the_line_it_starts_on_even_after_a_cell_with_a_line_break()
    {
        var sheet = CsvSheet.Read(new StringReader("A,B\n\"two\nlines\",1\n\nlast,2\n"));

        Assert.Equal([2, 5], sheet.Rows.Select(r => r.Line));
    }

    [Fact]
    public void A_last_line_without_a_line_ending_is_still_a_row()
    {
        var sheet = CsvSheet.Read(new StringReader("A,B\nx,y"));

        Assert.Equal(["x", "y"], Assert.Single(sheet.Rows).Cells);
    }

    [Fact]
    public void A_quote_that_is_never_closed_is_a_problem_on_the_line_it_opens()
    {
        var sheet = CsvSheet.Read(new StringReader("A,B\nx,y\n\"never closed,z\n"));

        var problem = Assert.Single(sheet.Problems);
        Assert.Equal(3, problem.Line);
        Assert.Contains("never closed", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_empty_file_is_a_problem()
    {
        var sheet = CsvSheet.Read(new StringReader("\r\n\r\n"));

        Assert.Contains("empty", Assert.Single(sheet.Problems).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_byte_order_mark_from_Excel_is_not_part_of_the_first_heading()
    {
        using var stream = new MemoryStream([0xEF, 0xBB, 0xBF, (byte)'P', (byte)'l', (byte)'a', (byte)'n', (byte)'\n', (byte)'x']);

        var sheet = CsvSheet.Read(stream);

        Assert.Equal("Plan", Assert.Single(sheet.Headers));
    }
}
