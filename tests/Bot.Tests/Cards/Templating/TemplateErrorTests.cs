using System.Text.Json.Nodes;
using PmfBot.Bot.Cards.Templating;

namespace PmfBot.Bot.Tests.Cards.Templating;

public sealed class TemplateErrorTests
{
    [Fact]
    public void An_unsupported_function_fails_when_the_template_loads_naming_where_it_is()
    {
        var error = Assert.Throws<TemplateException>(() =>
            CardTemplate.Parse("""{"body":[{"type":"TextBlock","text":"Due ${addDays(date, 7)}"}]}""", "return-card"));

        Assert.Equal("return-card", error.TemplateName);
        Assert.Contains("$.body[0].text", error.Message);
        Assert.Contains("'addDays'", error.Message);
        Assert.Contains("formatNumber", error.Message); // it lists what is supported
    }

    [Theory]
    [InlineData("${count(items}")]
    [InlineData("${a ==}")]
    [InlineData("${(a}")]
    [InlineData("${a b}")]
    [InlineData("${café}")]
    public void A_syntax_error_fails_when_the_template_loads_naming_where_it_is(string text)
    {
        var error = Assert.Throws<TemplateException>(() => CardTemplate.Parse($$"""{"actions":[{"title":"{{text}}"}]}""", "help"));

        Assert.Contains("$.actions[0].title", error.Message);
        Assert.Contains("syntax error", error.Message);
    }

    [Theory]
    [InlineData("${x - 1}", "the - operator")]
    [InlineData("${-x}", "unary -")]
    [InlineData("${x ? 1 : 2}", "?:")]
    [InlineData("${[1, 2]}", "array literals")]
    [InlineData("${x <> 1}", "<>")]
    [InlineData("${toUpper(x, 'tr-TR')}", "locale")]
    public void Syntax_outside_the_subset_fails_when_the_template_loads(string text, string what)
    {
        var error = Assert.Throws<TemplateException>(() => CardTemplate.Parse($$"""{"v":"{{text}}"}"""));

        Assert.Contains(what, error.Message);
        Assert.Contains("$.v", error.Message);
    }

    [Theory]
    [InlineData("${count(1)}")]
    [InlineData("${toUpper(5)}")]
    [InlineData("${formatNumber('a', 1)}")]
    [InlineData("${if(a, b)}")]
    [InlineData("${n + true}")]
    public void Calls_the_official_library_rejects_when_it_parses_fail_when_the_template_loads(string text)
    {
        Assert.Throws<TemplateException>(() => CardTemplate.Parse($$"""{"v":"{{text}}"}"""));
    }

    [Fact]
    public void A_backtick_must_be_escaped_in_a_string_with_expressions()
    {
        Assert.Throws<TemplateException>(() => CardTemplate.Parse("""{"v":"Use `help` ${x}"}"""));
        Assert.Equal("""{"v":"Use `help` 1"}""", Expanding.Expand("""{"v":"Use \\`help\\` ${x}"}""", """{"x":1}"""));
    }

    [Fact]
    public void Invalid_json_fails_with_the_template_name()
    {
        var error = Assert.Throws<TemplateException>(() => CardTemplate.Parse("{", "broken"));

        Assert.Contains("'broken'", error.Message);
    }

    [Theory]
    [InlineData("""{"v":"${items[5]}"}""")]
    [InlineData("""{"v":"Owner: ${nothing}"}""")]
    [InlineData("""{"v":"${formatNumber(missing, 1)}"}""")]
    [InlineData("""{"v":{"$data":"${items[9]}"}}""")]
    public void An_expression_the_official_library_fails_on_fails_the_expansion_naming_where_it_is(string template)
    {
        var card = CardTemplate.Parse(template, "status");

        var error = Assert.Throws<TemplateException>(() => card.Expand(JsonNode.Parse("""{"items":[1],"nothing":null}""")));

        Assert.Equal("status", error.TemplateName);
        Assert.StartsWith("$.v", error.Location);
    }
}
