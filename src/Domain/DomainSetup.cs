using Microsoft.Extensions.DependencyInjection;
using PmfBot.Domain.Calendar;
using PmfBot.Domain.Compliance;
using PmfBot.Domain.Exceptions;
using PmfBot.Domain.Nudges;
using PmfBot.Domain.PlainEnglish;
using PmfBot.Domain.Ratings;
using PmfBot.Domain.Returns;
using PmfBot.Domain.Scorecards;
using PmfBot.Domain.Status;

namespace PmfBot.Domain;

public static class DomainSetup
{
    /// <summary>The rules' settings and the use cases, one scoped instance per request or job.</summary>
    public static IServiceCollection AddPmfUseCases(
        this IServiceCollection services, CalendarPolicy calendar, NudgePolicy nudges, PlainEnglishOptions plainEnglish)
    {
        services.AddSingleton(ReturnCalendar.EnglandAndWales(calendar));
        services.AddSingleton(nudges);
        services.AddSingleton(new PlainEnglishCheck(plainEnglish));
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
        return services;
    }
}
