using Microsoft.Extensions.Options;
using PmfBot.Bot.Tests.Teams.Support;

namespace PmfBot.Bot.Tests.Settings;

/// <summary>
/// Every settings section is bound and checked the same way (<c>AddSettings</c>): a setting the
/// council got wrong stops the start with the section and the reason, not a failure at first use.
/// </summary>
public sealed class CouncilSettingsTests
{
    public static TheoryData<string, string, string> WrongSettings => new()
    {
        { "Nudges:EscalateAfterWorkingDaysOverdue", "0", "The Nudges settings are not usable: A late return can be escalated at the earliest 1 working day after it was due." },
        { "Calendar:DueWorkingDaysAfterPeriodEnd", "0", "The Calendar settings are not usable: Returns must be due at least 1 working day after the period ends." },
        { "Bot:MaxRequestBodyBytes", "10", "The Bot settings are not usable: Bot:MaxRequestBodyBytes must be between 1024 and 4194304." },
    };

    [Theory]
    [MemberData(nameof(WrongSettings))]
    public async Task A_wrong_setting_stops_the_start_and_names_its_section_and_the_reason(string key, string value, string reason)
    {
        var error = Assert.IsType<OptionsValidationException>(await BotHost.TryStartAsync(new() { [key] = value }));

        Assert.Contains(reason, error.Message);
    }

    [Fact]
    public async Task The_default_settings_start()
    {
        Assert.Null(await BotHost.TryStartAsync([]));
    }
}
