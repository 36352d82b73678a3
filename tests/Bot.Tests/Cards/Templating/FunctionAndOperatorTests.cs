using static PmfBot.Bot.Tests.Cards.Templating.Expanding;

namespace PmfBot.Bot.Tests.Cards.Templating;

public sealed class FunctionAndOperatorTests
{
    private const string Data = """
        {"name":"Ann","n":3,"score":78.5,"neg":-1234.567,"yes":true,"no":false,"nothing":null,"zero":0,
         "tiny":-0.001,"list":["a","b","c"],"nums":[1,2,3],"owner":{"name":"Bo"},"empty":[]}
        """;

    [Theory]
    [InlineData("${n + 1}", "4")]
    [InlineData("${n + score}", "81.5")]
    [InlineData("${name + '!'}", "\"Ann!\"")]
    [InlineData("${'n=' + n}", "\"n=3\"")]
    [InlineData("${n + missing}", "\"3${missing}\"")]
    [InlineData("${n == 3}", "true")]
    [InlineData("${n != 3}", "false")]
    [InlineData("${n < 10}", "true")]
    [InlineData("${n <= 2}", "false")]
    [InlineData("${n > 3}", "false")]
    [InlineData("${n >= 3}", "true")]
    [InlineData("${'3' == n}", "false")]
    [InlineData("${missing == null}", "true")]
    [InlineData("${name < 'Bob'}", "true")]
    [InlineData("${yes && no}", "false")]
    [InlineData("${yes || no}", "true")]
    [InlineData("${!yes}", "false")]
    [InlineData("${!missing}", "true")]
    [InlineData("${!zero}", "false")]
    [InlineData("${yes || no && no}", "true")]
    [InlineData("${(yes || no) && no}", "false")]
    [InlineData("${n > 1 && n < 10}", "true")]
    [InlineData("${1 + 2 == 3}", "true")]
    public void Operators_evaluate_as_adaptive_expressions_does(string expression, string expected)
    {
        Assert.Equal($$"""{"v":{{expected}}}""", Expand($$"""{"v":"{{expression}}"}""", Data));
    }

    [Theory]
    [InlineData("${if(yes, 'y', 'n')}", "\"y\"")]
    [InlineData("${if(zero, 'y', 'n')}", "\"y\"")]
    [InlineData("${if(missing, 'y', 'n')}", "\"n\"")]
    [InlineData("${count(list)}", "3")]
    [InlineData("${count(name)}", "3")]
    [InlineData("${count(owner)}", "1")]
    [InlineData("${count(missing)}", "10")]
    [InlineData("${empty(empty)}", "true")]
    [InlineData("${empty(missing)}", "true")]
    [InlineData("${empty(n)}", "false")]
    [InlineData("${equals(n, 3)}", "true")]
    [InlineData("${equals(owner, owner)}", "true")]
    [InlineData("${not(no)}", "true")]
    [InlineData("${and(yes, n)}", "true")]
    [InlineData("${or(no, nothing)}", "null")]
    [InlineData("${concat('a', name, n)}", "\"aAnn3\"")]
    [InlineData("${concat(nums, nums)}", "\"1,2,31,2,3\"")]
    [InlineData("${string(concat(nums, list))}", "\"[1,2,3,\\\"a\\\",\\\"b\\\",\\\"c\\\"]\"")]
    [InlineData("${string(n)}", "\"3\"")]
    [InlineData("${string(1234.5)}", "\"1,234.5\"")]
    [InlineData("${string(owner)}", "\"{\\\"name\\\":\\\"Bo\\\"}\"")]
    [InlineData("${length(name)}", "3")]
    [InlineData("${toUpper(name)}", "\"ANN\"")]
    [InlineData("${toUpper('straße')}", "\"STRASSE\"")]
    [InlineData("${toLower(name)}", "\"ann\"")]
    [InlineData("${join(list, ', ')}", "\"a, b, c\"")]
    [InlineData("${join(list, ', ', ' and ')}", "\"a, b and c\"")]
    [InlineData("${formatNumber(score, 2)}", "\"78.50\"")]
    [InlineData("${formatNumber(neg, 1)}", "\"\u22121,234.6\"")]
    [InlineData("${formatNumber(1.005, 2)}", "\"1.00\"")]
    [InlineData("${formatNumber(tiny, 2)}", "\"0.00\"")]
    public void Functions_evaluate_as_adaptive_expressions_does(string expression, string expected)
    {
        Assert.Equal($$"""{"v":{{expected}}}""", Expand($$"""{"v":"{{expression}}"}""", Data));
    }

    [Fact]
    public void A_failing_expression_inside_text_is_written_back_as_the_official_library_does()
    {
        var card = Expand("""{"v":"x ${formatNumber(missing, 1)} y ${n > 'a'} z ${nums[7]}"}""", Data);

        Assert.Equal("""{"v":"x ${formatNumber(missing, 1)} y ${(n > 'a')} z ${nums[7]}"}""", card);
    }
}
