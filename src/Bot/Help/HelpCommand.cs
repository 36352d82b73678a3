using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using PmfBot.Bot.Cards;
using PmfBot.Bot.Conversation;
using PmfBot.Domain.Boards;
using PmfBot.Domain.Calendar;
using PmfBot.Domain.Indicators;
using PmfBot.Domain.People;
using PmfBot.Domain.Storage;

namespace PmfBot.Bot.Help;

/// <summary>"help", unknown input and first install: the commands the features registered.</summary>
public sealed class HelpCommand(PmfDbContext db, CardRenderer renderer, CommandRoutes routes, TimeProvider clock, Linking.UnknownSpeaker unknown) : ICommand
{
    private sealed record CommandLine(string Usage, string Description, string Example);

    private sealed record Data(
        string PeriodKey,
        string Intro,
        string RolesText,
        Notice Notice,
        IReadOnlyList<CommandLine> Commands,
        string MentionText,
        bool ShowMyReturns,
        bool ShowCompliance);

    public Task<JsonObject> RunAsync(CommandRequest request, CancellationToken cancellationToken) =>
        RenderAsync(request, Notice.None, cancellationToken);

    public Task<JsonObject> NotUnderstoodAsync(CommandRequest request, string? suggestion, CancellationToken cancellationToken)
    {
        var typed = request.Argument.Length > 60 ? request.Argument[..60] + "…" : request.Argument;
        var notice = string.IsNullOrWhiteSpace(typed)
            ? Notice.None
            : Notice.Warning(suggestion is null
                ? $"I did not understand \"{typed}\". Here is what I can do."
                : $"I did not understand \"{typed}\". Did you mean \"{suggestion}\"?");
        return RenderAsync(request, notice, cancellationToken);
    }

    private async Task<JsonObject> RenderAsync(CommandRequest request, Notice notice, CancellationToken cancellationToken)
    {
        var person = request.Person;
        var roles = person is null ? new Roles(0, 0, [], []) : await RolesOfAsync(person, cancellationToken);
        var data = new Data(
            ReportingPeriods.Current(Frequency.Quarterly, UkTime.Today(clock)).Key,
            person is null
                ? "I am PmfBot, the council's performance framework in Teams. " + (unknown.Reason?.Text ?? "I do not know your account yet: ask the performance team to add you.")
                : $"Hello {person.Name}. I chase returns, collect ratings and answer questions about the council's priorities.",
            roles.Describe(),
            notice,
            routes.All.Where(r => !r.LocalDemoOnly || clock is Demo.DemoClock).Select(r => new CommandLine(r.Usage, r.Description, r.Example)).ToList(),
            request.InChannel ? "In a channel, mention me first, for example: @PmfBot status CPP-H1." : "",
            roles.Indicators > 0,
            person is not null && (person.IsPerformanceTeam || roles.GovernanceAndAudit));
        return renderer.Render("help-card", data);
    }

    private async Task<Roles> RolesOfAsync(Person person, CancellationToken cancellationToken)
    {
        var indicators = await db.AnsweredBy(person.Id).CountAsync(cancellationToken);
        var priorities = await db.Priorities.CountAsync(p => p.LeadOfficerId == person.Id, cancellationToken);
        var boards = await db.Boards.AsNoTracking().Where(b => b.Members.Any(m => m.PersonId == person.Id))
            .Select(b => new { b.Name, b.ChairId, b.Kind }).ToListAsync(cancellationToken);
        return new Roles(
            indicators,
            priorities,
            boards.Where(b => b.ChairId == person.Id).Select(b => b.Name).ToList(),
            boards.Where(b => b.ChairId != person.Id).Select(b => b.Name).ToList())
        {
            GovernanceAndAudit = boards.Any(b => b.Kind == BoardKind.GovernanceAndAudit),
        };
    }

    private sealed record Roles(int Indicators, int Priorities, IReadOnlyList<string> Chairs, IReadOnlyList<string> MemberOf)
    {
        public bool GovernanceAndAudit { get; init; }

        public string Describe()
        {
            var parts = new List<string>();
            if (Indicators > 0)
            {
                parts.Add($"you answer for {Indicators} indicator{(Indicators == 1 ? "" : "s")}");
            }

            if (Priorities > 0)
            {
                parts.Add($"you lead {Priorities} priorit{(Priorities == 1 ? "y" : "ies")}");
            }

            if (Chairs.Count > 0)
            {
                parts.Add($"you chair {string.Join(" and ", Chairs)}");
            }

            if (MemberOf.Count > 0)
            {
                parts.Add($"you sit on {string.Join(", ", MemberOf)}");
            }

            return parts.Count == 0 ? "" : char.ToUpperInvariant(parts[0][0]) + string.Join("; ", parts)[1..] + ".";
        }
    }
}
