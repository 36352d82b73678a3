using PmfBot.Domain.Search;

namespace PmfBot.Domain.Tests.Search;

public sealed class FuzzyMatchTests
{
    private sealed record Item(string Code, string Title);

    private static readonly Item[] Priorities =
    [
        new("CPP-H1", "Improve health and wellbeing for older people"),
        new("CPP-H2", "Reduce health inequalities"),
        new("CPP-C1", "Improve school attendance"),
        new("CPP-S1", "Reduce crime and antisocial behaviour"),
        new("CBP-4", "Temporary accommodation for homeless households"),
    ];

    private static Lookup<Item> Find(string text) => Lookup<Item>.From(Priorities, p => FuzzyMatch.Score(text, p.Code, p.Title));

    [Theory]
    [InlineData("CPP-C1", "CPP-C1")]
    [InlineData("cpp c1", "CPP-C1")]
    [InlineData("cppc1", "CPP-C1")]
    [InlineData("school atendance", "CPP-C1")]
    [InlineData("SCHOOL", "CPP-C1")]
    [InlineData("temp accomodation", "CBP-4")]
    [InlineData("crime", "CPP-S1")]
    [InlineData("antisocial behavour", "CPP-S1")]
    public void Codes_and_words_of_the_title_find_the_priority_despite_case_and_typos(string typed, string code)
    {
        Assert.Equal(code, Find(typed).Match?.Code);
    }

    [Fact]
    public void Words_shared_by_several_priorities_give_a_short_list_to_pick_from()
    {
        var lookup = Find("helth");

        Assert.True(lookup.IsAmbiguous);
        Assert.Equal(["CPP-H1", "CPP-H2"], lookup.Candidates.Select(c => c.Code).Order());
    }

    [Theory]
    [InlineData("potholes")]
    [InlineData("")]
    [InlineData("!!!")]
    public void Nothing_close_gives_no_match(string typed)
    {
        Assert.True(Find(typed).IsEmpty);
    }

    [Theory]
    [InlineData("health", "helth", 1)]
    [InlineData("attendance", "atendance", 1)]
    [InlineData("ab", "ba", 1)]
    [InlineData("kitten", "sitting", 3)]
    public void Distance_counts_edits_and_swaps(string a, string b, int distance)
    {
        Assert.Equal(distance, FuzzyMatch.Distance(a, b));
    }
}
