using static PmfBot.Bot.Tests.Cards.Templating.Expanding;

namespace PmfBot.Bot.Tests.Cards.Templating;

public sealed class DataAndWhenTests
{
    private const string Data = """
        {"name":"Ann","owner":{"name":"Bo"},"items":[{"title":"one","value":1,"tags":["a","b"]},{"title":"two","value":2,"tags":[]}],"empty":[],"yes":true,"no":false}
        """;

    [Fact]
    public void Data_bound_to_an_array_repeats_the_element_with_its_index()
    {
        var card = Expand("""{"body":[{"$data":"${items}","text":"${$index}: ${title} for ${$root.name}"},{"text":"end"}]}""", Data);

        Assert.Equal("""{"body":[{"text":"0: one for Ann"},{"text":"1: two for Ann"},{"text":"end"}]}""", card);
    }

    [Fact]
    public void Data_bound_to_an_object_sets_the_context_for_the_element()
    {
        Assert.Equal("""{"who":"Bo","root":"Ann","me":{"name":"Bo"}}""", Expand("""{"$data":"${owner}","who":"${name}","root":"${$root.name}","me":"${$data}"}""", Data));
    }

    [Fact]
    public void A_literal_data_object_or_array_is_used_as_it_is()
    {
        var card = Expand("""{"a":{"$data":{"t":"lit"},"t":"${t}"},"b":[{"$data":[{"t":"x"},{"t":"y"}],"t":"${t}"}]}""");

        Assert.Equal("""{"a":{"t":"lit"},"b":[{"t":"x"},{"t":"y"}]}""", card);
    }

    [Fact]
    public void An_empty_array_removes_the_element_from_an_array_and_nulls_a_property()
    {
        var card = Expand("""{"body":[{"$data":"${empty}","t":1},{"t":2}],"prop":{"$data":"${empty}","t":3}}""", Data);

        Assert.Equal("""{"body":[{"t":2}],"prop":null}""", card);
    }

    [Fact]
    public void Data_on_the_root_with_an_array_makes_the_card_an_array()
    {
        Assert.Equal("""[{"t":"one"},{"t":"two"}]""", Expand("""{"$data":"${items}","t":"${title}"}""", Data));
        Assert.Equal("null", Expand("""{"$data":"${empty}","t":1}""", Data));
    }

    [Fact]
    public void A_single_item_array_gives_an_object_not_an_array()
    {
        Assert.Equal("""{"p":{"t":"x"}}""", Expand("""{"p":{"$data":"${one}","t":"${t}"}}""", """{"one":[{"t":"x"}]}"""));
    }

    [Fact]
    public void Index_is_that_of_the_nearest_repetition_and_outer_fields_are_out_of_scope()
    {
        var card = Expand("""{"body":[{"$data":"${items}","tags":[{"$data":"${tags}","t":"${$data}${$index}","outer":"${title}"}],"i":"${$index}"}]}""", Data);

        Assert.Equal("""{"body":[{"tags":[{"t":"a0","outer":"${title}"},{"t":"b1","outer":"${title}"}],"i":0},{"tags":[],"i":1}]}""", card);
    }

    [Fact]
    public void Root_inside_a_repetition_can_be_indexed_by_index()
    {
        var data = """{"items":[{"id":1},{"id":2}],"labels":["first","second"]}""";

        Assert.Equal("""[{"l":"first"},{"l":"second"}]""", Expand("""{"$data":"${items}","l":"${$root.labels[$index]}"}""", data));
    }

    [Fact]
    public void When_keeps_an_element_only_for_a_true_boolean()
    {
        var card = Expand("""[{"$when":"${yes}","k":1},{"$when":"${no}","k":2},{"$when":"${name}","k":3},{"$when":"${missing}","k":4},{"$when":"${!missing}","k":5}]""", Data);

        Assert.Equal("""[{"k":1},{"k":5}]""", card);
    }

    [Fact]
    public void When_is_evaluated_for_each_repeated_item()
    {
        Assert.Equal("""[{"t":"two"}]""", Expand("""[{"$data":"${items}","$when":"${value > 1}","t":"${title}"}]""", Data));
    }

    [Fact]
    public void A_literal_when_drops_the_element_when_truthy_as_the_official_library_does()
    {
        Assert.Equal("""[{"k":2},{"k":3}]""", Expand("""[{"$when":true,"k":1},{"$when":false,"k":2},{"$when":"","k":3},{"$when":"true","k":4}]"""));
    }

    [Fact]
    public void A_when_that_is_a_constant_or_text_is_a_string_and_drops_the_element()
    {
        Assert.Equal("[]", Expand("""[{"$when":"${true}","k":1},{"$when":"is ${yes}","k":2}]""", Data));
    }

    [Fact]
    public void An_object_property_dropped_by_when_becomes_null()
    {
        Assert.Equal("""{"selectAction":null}""", Expand("""{"selectAction":{"$when":"${no}","type":"Action.OpenUrl"}}""", Data));
    }
}
