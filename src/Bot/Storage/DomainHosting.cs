using PmfBot.Domain;
using PmfBot.Domain.Calendar;
using PmfBot.Domain.Nudges;
using PmfBot.Domain.PlainEnglish;

namespace PmfBot.Bot.Storage;

public static class DomainHosting
{
    /// <summary>
    /// The use cases, with the council's settings: `Calendar` (return window in working days,
    /// extra holidays), `Nudges` (reminder days, escalation), `PlainEnglish` (limits, glossary).
    /// </summary>
    public static WebApplicationBuilder AddPmfDomain(this WebApplicationBuilder builder)
    {
        var config = builder.Configuration;
        builder.Services.AddPmfUseCases(
            config.GetSection("Calendar").Get<CalendarPolicy>() ?? new CalendarPolicy(),
            config.GetSection("Nudges").Get<NudgePolicy>() ?? new NudgePolicy(),
            config.GetSection("PlainEnglish").Get<PlainEnglishOptions>() ?? new PlainEnglishOptions());
        return builder;
    }
}
