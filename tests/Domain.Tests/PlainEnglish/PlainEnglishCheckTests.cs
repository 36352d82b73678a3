using PmfBot.Domain.PlainEnglish;

namespace PmfBot.Domain.Tests.PlainEnglish;

public class PlainEnglishCheckTests
{
    private const string Plain =
        "More people got a home care visit on time this quarter. We hired six carers in July. We expect the figure to stay above target.";

    private readonly PlainEnglishCheck _check = new(new PlainEnglishOptions());

    private static string Words(int count) => string.Join(' ', Enumerable.Repeat("cat", count)) + ".";

    [Fact]
    public void Plain_commentary_gets_no_warnings() =>
        Assert.Empty(_check.Check(Plain));

    [Fact]
    public void Jargon_is_named_with_a_plain_alternative()
    {
        var warning = Assert.Single(_check.Check(Plain + " We will keep this up going forward."));

        Assert.Equal(new PlainEnglishWarning(PlainEnglishWarning.Jargon, "'going forward' is jargon: try 'from now on'"), warning);
    }

    [Fact]
    public void Jargon_is_found_whatever_its_case_and_spacing()
    {
        var warnings = _check.Check(Plain + " Stakeholder\n engagement went well.");

        Assert.Contains(warnings, w => w.Message == "'Stakeholder\n engagement' is jargon: try 'talking with the people affected'");
    }

    [Fact]
    public void Abbreviations_are_found_in_the_plural_and_told_apart_from_jargon()
    {
        var warning = Assert.Single(_check.Check(Plain + " Two KPIs were late."));

        Assert.Equal(PlainEnglishWarning.Abbreviation, warning.Code);
        Assert.Equal("'KPIs' is an abbreviation some readers will not know: try 'performance measure'", warning.Message);
    }

    [Fact]
    public void An_abbreviation_is_matched_only_in_capitals()
    {
        Assert.Empty(_check.Check(Plain + " We will send the letters in May."));
        Assert.Single(_check.Check(Plain + " SEND transport improved."));
    }

    [Fact]
    public void A_term_inside_a_longer_word_is_not_flagged() =>
        Assert.Empty(_check.Check(Plain + " The robustness of the count was checked."));

    [Fact]
    public void Each_term_is_warned_about_once()
    {
        var warnings = _check.Check(Plain + " Going forward we will ask. Going forward we will check.");

        Assert.Single(warnings, w => w.Code == PlainEnglishWarning.Jargon);
    }

    [Fact]
    public void A_council_can_add_terms_and_switch_off_default_ones()
    {
        var options = new PlainEnglishOptions();
        options.Glossary["KPI"] = "";
        options.Glossary["MASH"] = "multi-agency safeguarding hub";
        var check = new PlainEnglishCheck(options);

        var warning = Assert.Single(check.Check(Plain + " The KPI covers MASH referrals."));

        Assert.Equal("'MASH' is an abbreviation some readers will not know: try 'multi-agency safeguarding hub'", warning.Message);
    }

    [Theory]
    [InlineData(25, false)]
    [InlineData(26, true)]
    public void A_sentence_over_25_words_is_long(int words, bool warned) =>
        Assert.Equal(warned, _check.Check(Plain + " " + Words(words)).Any(w => w.Code == PlainEnglishWarning.LongSentence));

    [Fact]
    public void A_long_sentence_warning_quotes_how_the_sentence_starts()
    {
        var warning = Assert.Single(_check.Check(Plain + " " + Words(30)), w => w.Code == PlainEnglishWarning.LongSentence);

        Assert.Equal("The sentence starting 'cat cat cat cat cat cat...' has 30 words: try splitting it (aim for 25 or fewer).", warning.Message);
    }

    [Theory]
    [InlineData(49, PlainEnglishWarning.TooShort)]
    [InlineData(50, null)]
    [InlineData(1500, null)]
    [InlineData(1501, PlainEnglishWarning.TooLong)]
    public void Length_is_checked_against_the_limits(int length, string? code)
    {
        var options = new PlainEnglishOptions { MinReadingEase = -1000, MaxWordsPerSentence = 10_000 };
        var text = new string('a', length);

        Assert.Equal(code is null ? [] : [code], new PlainEnglishCheck(options).Check(text).Select(w => w.Code));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("   ")]
    public void Missing_commentary_is_a_warning_not_an_error(string? text)
    {
        var warning = Assert.Single(_check.Check(text));

        Assert.Equal(PlainEnglishWarning.TooShort, warning.Code);
        Assert.StartsWith("There is no commentary", warning.Message);
    }

    [Fact]
    public void Short_commentary_says_how_long_it_is_and_should_be()
    {
        var warning = Assert.Single(_check.Check("On track."));

        Assert.Equal("The commentary is 9 characters: write at least 50 so readers know what lies behind the figure.", warning.Message);
    }

    [Fact]
    public void Hard_to_read_commentary_gets_its_reading_ease()
    {
        const string dense =
            "Performance deterioration reflects organisational restructuring consequences. " +
            "Implementation of transformational initiatives necessitates comprehensive evaluation. " +
            "Additional operational difficulties materialised unexpectedly. " +
            "Consequently, improvement trajectories remain considerably uncertain.";

        var warning = Assert.Single(_check.Check(dense));

        Assert.Equal(PlainEnglishWarning.HardToRead, warning.Code);
        Assert.Matches(@"^This is hard to read \(reading ease -\d+; aim for 50 or more\)", warning.Message);
    }

    [Fact]
    public void Reading_ease_is_not_judged_on_a_handful_of_words()
    {
        var options = new PlainEnglishOptions { MinCharacters = 0 };

        Assert.Empty(new PlainEnglishCheck(options).Check("Organisational restructuring materialised."));
    }

    [Theory]
    [InlineData(100, 50, 25)]
    [InlineData(-1, 50, 25)]
    [InlineData(0, 1500, 0)]
    public void Settings_that_make_no_sense_are_refused(int min, int max, int sentenceWords)
    {
        var options = new PlainEnglishOptions { MinCharacters = min, MaxCharacters = max, MaxWordsPerSentence = sentenceWords };

        var error = Assert.Throws<PmfRuleException>(() => new PlainEnglishCheck(options));
        Assert.StartsWith("The plain-English settings are not usable", error.Message);
    }
}
