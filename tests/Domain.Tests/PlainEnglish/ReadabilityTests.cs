using PmfBot.Domain.PlainEnglish;

namespace PmfBot.Domain.Tests.PlainEnglish;

public class ReadabilityTests
{
    [Theory]
    [InlineData("the", 1)]
    [InlineData("cat", 1)]
    [InlineData("make", 1)]
    [InlineData("times", 1)]
    [InlineData("walked", 1)]
    [InlineData("year", 1)]
    [InlineData("whole", 1)]
    [InlineData("free", 1)]
    [InlineData("played", 1)]
    [InlineData("table", 2)]
    [InlineData("people", 2)]
    [InlineData("going", 2)]
    [InlineData("being", 2)]
    [InlineData("council", 2)]
    [InlineData("wanted", 2)]
    [InlineData("answered", 2)]
    [InlineData("improved", 2)]
    [InlineData("places", 2)]
    [InlineData("quarter", 2)]
    [InlineData("million", 2)]
    [InlineData("statement", 2)]
    [InlineData("social", 2)]
    [InlineData("useful", 2)]
    [InlineData("target", 2)]
    [InlineData("services", 3)]
    [InlineData("period", 3)]
    [InlineData("previous", 3)]
    [InlineData("performance", 3)]
    [InlineData("improvement", 3)]
    [InlineData("management", 3)]
    [InlineData("completely", 3)]
    [InlineData("leverage", 3)]
    [InlineData("synergies", 3)]
    [InlineData("settlement", 3)]
    [InlineData("agencies", 3)]
    [InlineData("actual", 3)]
    [InlineData("indicator", 4)]
    [InlineData("facilitate", 4)]
    [InlineData("directorate", 4)]
    [InlineData("available", 4)]
    [InlineData("evaluate", 4)]
    [InlineData("authorities", 4)]
    [InlineData("organisation", 5)]
    [InlineData("transformational", 5)]
    [InlineData("Council's", 2)]
    [InlineData("2025", 1)]
    public void Syllables_are_counted_the_way_the_word_is_said(string word, int expected) =>
        Assert.Equal(expected, Readability.Syllables(word));

    [Theory]
    [InlineData("The cat sat on the mat.", 116.1)]
    // 11 words, 13 syllables.
    [InlineData("We answered more calls on time this quarter than last year.", 95.7)]
    // 2 sentences, 14 words, 19 syllables.
    [InlineData("Fewer people waited. We hired more staff and answered calls much faster this time.", 84.9)]
    // 13 words, 38 syllables: management jargon scores below zero.
    [InlineData("Going forward, the organisation will leverage cross-directorate synergies to facilitate transformational performance improvement.", -53.6)]
    public void Flesch_reading_ease_matches_a_hand_count_within_a_point(string text, double expected) =>
        Assert.Equal(expected, Readability.FleschReadingEase(text)!.Value, 1.0);

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(" ... ")]
    public void Text_without_words_has_no_reading_ease(string? text) =>
        Assert.Null(Readability.FleschReadingEase(text));

    [Fact]
    public void Sentences_end_at_stops_and_line_breaks_and_numbers_stay_whole()
    {
        var sentences = Readability.Sentences("Rates rose to 92.5% in Q2. Why?\n- more staff\n- fewer vacancies");

        Assert.Equal(["Rates rose to 92.5% in Q2.", "Why?", "- more staff", "- fewer vacancies"], sentences.Select(s => s.Text));
        Assert.Equal(["Rates", "rose", "to", "92.5", "in", "Q2"], sentences[0].Words);
    }
}
