using static PmfBot.Bot.Tests.Cards.Templating.Expanding;

namespace PmfBot.Bot.Tests.Cards.Templating;

public sealed class BindingTests
{
    private const string Data = """
        {"name":"Ann","score":78.5,"count":3,"done":true,"nothing":null,
         "owner":{"name":"Bo","team":{"code":"T1"}},"items":[{"title":"one","tags":["a","b"]},{"title":"two","tags":[]}]}
        """;

    [Fact]
    public void A_string_that_is_one_expression_keeps_the_values_json_type()
    {
        var card = Expand("""{"s":"${name}","n":"${score}","i":"${count}","b":"${done}","z":"${nothing}","o":"${owner.team}","a":"${items[0].tags}"}""", Data);

        Assert.Equal("""{"s":"Ann","n":78.5,"i":3,"b":true,"z":null,"o":{"code":"T1"},"a":["a","b"]}""", card);
    }

    [Fact]
    public void Paths_reach_nested_properties_array_items_and_the_root()
    {
        var card = Expand("""{"a":"${owner.team.code}","b":"${items[1].title}","c":"${items[0].tags[1]}","d":"${$root.owner.name}","e":"${$data.name}"}""", Data);

        Assert.Equal("""{"a":"T1","b":"two","c":"b","d":"Bo","e":"Ann"}""", card);
    }

    [Fact]
    public void Text_around_expressions_makes_a_string_converted_as_javascript_does()
    {
        var card = Expand("""{"a":"Score ${score}% of ${count}","b":"${done} ${owner}","c":"tags: ${items[0].tags}"}""", Data);

        Assert.Equal("""{"a":"Score 78.5% of 3","b":"true [object Object]","c":"tags: a,b"}""", card);
    }

    [Fact]
    public void Numbers_are_written_as_javascript_writes_them()
    {
        var card = Expand("""{"a":"${n}","b":"${n} ${big} ${small} ${f}","c":2.0}""", """{"n":3.0,"big":1e21,"small":1e-7,"f":0.30000000000000004}""");

        Assert.Equal("""{"a":3,"b":"3 1e+21 1e-7 0.30000000000000004","c":2}""", card);
    }

    [Fact]
    public void A_missing_field_stays_as_its_own_expression_like_the_official_library()
    {
        var card = Expand("""{"a":"${missing}","b":"Hi ${missing.deep}!","c":"${items[5].title}","d":"${$index}"}""", Data);

        Assert.Equal("""{"a":"${missing}","b":"Hi ${missing.deep}!","c":"${items[5].title}","d":"${$index}"}""", card);
    }

    [Fact]
    public void Property_names_match_ignoring_case()
    {
        Assert.Equal("""{"a":"Ann","b":"Bo"}""", Expand("""{"a":"${NAME}","b":"${$ROOT.Owner.name}"}""", Data));
    }

    [Fact]
    public void Data_values_are_carried_as_data_never_evaluated_or_unescaped()
    {
        var data = """{"s":"<script>alert('x')</script>\n\"q\" ${name}","name":"Ann"}""";

        var card = Expand("""{"a":"${s}","b":"text: ${s}"}""", data);

        Assert.Equal("""{"a":"<script>alert('x')</script>\n\"q\" ${name}","b":"text: <script>alert('x')</script>\n\"q\" ${name}"}""", card);
    }

    [Fact]
    public void Keys_are_never_expanded_and_reserved_keys_are_removed()
    {
        var card = Expand("""{"$schema":"s","${name}":1,"$root":1,"$index":2,"$host":3}""", Data);

        Assert.Equal("""{"$schema":"s","${name}":1}""", card);
    }

    [Fact]
    public void A_dollar_escaped_with_a_backslash_stays_literal()
    {
        Assert.Equal("""{"a":"cost ${x} and 5"}""", Expand("""{"a":"cost \\${x} and ${x}"}""", """{"x":5}"""));
    }

    [Fact]
    public void A_constant_alone_in_a_string_comes_out_as_a_string()
    {
        Assert.Equal("""{"a":"5","b":"true","c":"s"}""", Expand("""{"a":"${5}","b":"${true}","c":"${'s'}"}"""));
    }

    [Fact]
    public void An_index_by_a_missing_key_leaves_the_property_out()
    {
        Assert.Equal("""{"b":1}""", Expand("""{"a":"${owner['zz']}","b":1}""", Data));
    }

    [Fact]
    public void Literal_nulls_and_nested_arrays_in_the_template_are_dropped_and_flattened()
    {
        Assert.Equal("""{"a":[1,2,3,4],"b":null}""", Expand("""{"a":[1,null,[2,[3]],"${list}"],"b":null}""", """{"list":[4]}"""));
    }

    [Fact]
    public void Text_that_is_not_a_complete_expression_stays_as_it_is()
    {
        Assert.Equal("""{"a":"cost ${","b":"${'open}","c":"${x\n}"}""", Expand("""{"a":"cost ${","b":"${'open}","c":"${x\n}"}""", """{"x":1}"""));
    }
}
