using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using PmfBot.Domain.Calendar;
using PmfBot.Domain.Compliance;
using PmfBot.Domain.Exceptions;
using PmfBot.Domain.Nudges;
using PmfBot.Domain.PlainEnglish;
using PmfBot.Domain.Ratings;
using PmfBot.Domain.Returns;
using PmfBot.Domain.Scorecards;
using PmfBot.Domain.Settings;
using PmfBot.Domain.Status;

namespace PmfBot.Domain;

public static class DomainSetup
{
    /// <summary>
    /// The use cases, with the council's settings: `Calendar` (return window in working days, extra
    /// holidays), `Nudges` (reminder days, escalation), `PlainEnglish` (limits, glossary). One scoped
    /// instance per request or job; the clock is <see cref="TimeProvider.System"/> unless the host
    /// registered its own (the local demo's clock, the tests' fake one).
    /// </summary>
    public static TBuilder AddDomain<TBuilder>(this TBuilder builder)
        where TBuilder : IHostApplicationBuilder
    {
        builder.Services.AddDomain();
        return builder;
    }

    /// <summary>The same on a service collection that has the host's <c>IConfiguration</c> (the scheduler's tests).</summary>
    public static IServiceCollection AddDomain(this IServiceCollection services)
    {
        services.AddSettings<CalendarPolicy>("Calendar");
        services.AddSettings<NudgePolicy>("Nudges");
        services.AddSettings<PlainEnglishOptions>("PlainEnglish");
        services.AddSingleton(sp => ReturnCalendar.EnglandAndWales(sp.GetRequiredService<IOptions<CalendarPolicy>>().Value));
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<NudgePolicy>>().Value);
        services.AddSingleton(sp => new PlainEnglishCheck(sp.GetRequiredService<IOptions<PlainEnglishOptions>>().Value));
        services.TryAddSingleton(TimeProvider.System);
        AddUseCases(services);
        return services;
    }

    private static void AddUseCases(IServiceCollection services)
    {
        services.AddScoped<OpenReturns>();
        services.AddScoped<SubmitReturn>();
        services.AddScoped<SignOffReturns>();
        services.AddScoped<ProposeRating>();
        services.AddScoped<DecideRating>();
        services.AddScoped<BoardActions.RecordActionProgress>();
        services.AddScoped<BoardActions.AddBoardAction>();
        services.AddScoped<WriteSelfAssessment>();
        services.AddScoped<PriorityStatus>();
        services.AddSingleton<Summaries.CouncilResults>();
        services.AddScoped<ExceptionsReport>();
        services.AddScoped<DirectorateScorecard>();
        services.AddScoped<PublishedScorecards>();
        services.AddScoped<ReleaseQuarter>();
        services.AddScoped<ComplianceForPeriod>();
        services.AddScoped<WhoIsDue>();
        services.AddScoped<Outbox.OutboxStore>();
        services.AddScoped<Conversations.ConversationReferenceStore>();
        services.AddSingleton<Conversations.RecentSightings>();
        services.AddScoped<Outbox.OutboxProblems>();
        services.AddScoped<RatingRound>();
        services.AddScoped<Summaries.SummariesDue>();
        services.AddScoped<BoardActions.ActionsDue>();
        services.AddScoped<SignOffDue>();
        services.AddScoped<SelfAssessmentsDue>();
        services.AddScoped<Search.FindPriority>();
        services.AddSingleton<Search.SearchResults>();
        services.AddScoped<People.Linking.LinkTeamsAccount>();
        services.AddScoped<People.Linking.PeopleNotLinked>();
        services.AddScoped<Boards.Channels.LinkBoardChannel>();
        services.AddScoped<Boards.Meetings.BoardMeetings>();
    }
}
