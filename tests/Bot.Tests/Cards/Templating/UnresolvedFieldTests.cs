using PmfBot.Bot.Cards.Templating;
using static PmfBot.Bot.Tests.Cards.Templating.Expanding;

namespace PmfBot.Bot.Tests.Cards.Templating;

public sealed class UnresolvedFieldTests
{
    [Fact]
    public void Missing_fields_are_listed_with_their_path_and_where_they_are()
    {
        var unresolved = Unresolved("""{"body":[{"text":"Hi ${owner.name}"},{"$data":"${items}","text":"${title} ${code}"}]}""", """{"items":[{"title":"t"}]}""");

        Assert.Equal(
            [new UnresolvedField("owner.name", "$.body[0].text"), new UnresolvedField("code", "$.body[1].text")],
            unresolved);
    }

    [Fact]
    public void A_complete_card_has_nothing_unresolved()
    {
        Assert.Empty(Unresolved("""{"text":"${a} ${b.c}","n":"${count(list)}"}""", """{"a":1,"b":{"c":2},"list":[]}"""));
    }

    [Fact]
    public void Conditions_do_not_count_as_unresolved_as_they_substitute_nothing()
    {
        Assert.Empty(Unresolved("""{"a":{"$when":"${missing}","x":1},"b":"${if(missing2, 1, 2)}","c":"${missing3 == 1}"}"""));
    }

    [Fact]
    public void A_data_value_that_looks_like_an_expression_is_not_unresolved()
    {
        Assert.Empty(Unresolved("""{"a":"${s}"}""", """{"s":"${not.an.expression}"}"""));
    }
}
