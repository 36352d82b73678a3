using PmfBot.Domain.Audit;
using PmfBot.Domain.BoardActions;
using PmfBot.Domain.Calendar;
using PmfBot.Domain.Conversations;
using PmfBot.Domain.Cycle;
using PmfBot.Domain.RagRatings;
using PmfBot.Domain.Ratings;
using PmfBot.Domain.Risks;
using PmfBot.Domain.Scorecards;
using PmfBot.Domain.Storage;

namespace PmfBot.Bench.Generator;

/// <summary>Ratings, board actions, risks, self assessments, and where PmfBot can reach everyone.</summary>
public sealed partial class CouncilGenerator
{
    private void AddGovernance(PmfDbContext db)
    {
        if (_spec.Quarters <= 0)
        {
            return;
        }

        var quarters = new List<Period> { Quarter };
        while (quarters.Count < _spec.Quarters)
        {
            quarters.Insert(0, quarters[0].Previous());
        }

        foreach (var priority in _priorities)
        {
            var board = _boardOf[priority.BoardId];
            var chair = _byId[board.ChairId];
            var lead = _byId[priority.LeadOfficerId];
            foreach (var quarter in quarters)
            {
                var meeting = QuarterCycle.BoardMeetingFor(_calendar.WindowFor(quarter), _calendar);
                if (meeting > _today)
                {
                    continue;
                }

                var signOff = _calendar.WindowFor(quarter).SignOff;
                var rating = PriorityRating.AwaitProposal(priority, quarter, At(signOff, 8));
                db.Ratings.Add(rating);
                var roll = _random.NextDouble();
                var proposed = roll < 0.5 ? Rag.Green : roll < 0.85 ? Rag.Amber : Rag.Red;
                rating.Propose(lead, proposed, $"Most indicators for {priority.Code} are where the plan expects them; the board is told of the exceptions.", At(_calendar.WorkingDays.Add(signOff, 1), 11));
                var decision = _random.NextDouble();
                if (quarter == Quarter && decision < 0.1)
                {
                    continue; // waiting for the chair
                }

                if (decision > 0.92)
                {
                    rating.Amend(chair, board, proposed == Rag.Red ? Rag.Amber : Rag.Red, "The board weighs the trend more than this quarter's figures.", At(meeting, 14));
                }
                else
                {
                    rating.Approve(chair, board, At(meeting, 14));
                }
            }

            AddActionsAndRisk(db, priority, board, chair, lead, quarters);
        }

        foreach (var directorate in _directorates)
        {
            var assessment = SelfAssessment.For(directorate, Quarter, At(_calendar.WindowFor(Quarter).Due, 8));
            assessment.Write(_byId[directorate.DirectorId!.Value], directorate, "Staff turnover is the main concern this quarter; recruitment is improving and agency costs are falling.", At(_calendar.WindowFor(Quarter).SignOff, 16));
            db.SelfAssessments.Add(assessment);
        }
    }

    private void AddActionsAndRisk(PmfDbContext db, Domain.Priorities.Priority priority, Domain.Boards.Board board, Domain.People.Person chair, Domain.People.Person lead, List<Period> quarters)
    {
        for (var a = 0; a < 2; a++)
        {
            var requestedIn = quarters[Math.Max(0, quarters.Count - 2 - a)];
            var meeting = QuarterCycle.BoardMeetingFor(_calendar.WindowFor(requestedIn), _calendar);
            var action = BoardAction.Request(board.Id, priority.Id, $"Report on what would bring {priority.Code} back on track ({a + 1})", lead.Id,
                meeting.AddDays(90 + 30 * a), requestedIn, Actor.Of(chair), At(meeting, 15));
            for (var quarter = requestedIn.Next(); quarter.CompareTo(Quarter) <= 0; quarter = quarter.Next())
            {
                var status = quarter == Quarter && a == 1 ? ActionStatus.Delayed : ActionStatus.OnTrack;
                action.RecordProgress(lead, quarter, status, "The work has started and the first findings are due before the next meeting.", At(_calendar.WindowFor(quarter).SignOff, 12));
            }

            db.BoardActions.Add(action);
        }

        db.Risks.Add(new Risk(Id("risk:" + priority.Code), priority.Id, $"Demand outgrows the service behind {priority.Code}", RiskLevel.High, RiskLevel.Medium, RiskLevel.Medium, RiskLevel.Medium)
        {
            OwnerId = lead.Id,
            Mitigation = "Monthly review of demand with partners; a contingency plan is agreed.",
        });
    }

    /// <summary>
    /// Everyone has PmfBot installed. Most 1:1 chats are known; a share of owners have only been
    /// seen in a channel, so a proactive message first creates their chat. Every board's channel is known.
    /// </summary>
    private void AddConversationReferences(PmfDbContext db)
    {
        var now = At(_today, 7);
        var owners = _owners.ToHashSet();
        foreach (var person in _people)
        {
            var channelOnly = owners.Contains(person) && _random.NextDouble() < _spec.ChannelOnlyShare;
            db.ConversationReferences.Add(ConversationReference.From(new ConversationSighting
            {
                Key = ConversationReference.PersonKey(person.EntraObjectId!),
                Kind = ConversationKind.Personal,
                ServiceUrl = _serviceUrl,
                ChannelId = "msteams",
                TenantId = BenchIds.TenantId,
                ConversationId = channelOnly ? null : PersonalConversationId(person),
                UserId = TeamsUserId(person),
                EntraObjectId = person.EntraObjectId,
                UserName = person.Name,
                BotId = BenchIds.BotTeamsId,
                Installed = true,
            }, now));
        }

        foreach (var board in _boardOf.Values)
        {
            db.ConversationReferences.Add(ConversationReference.From(new ConversationSighting
            {
                Key = ConversationReference.ChannelKey(board.Channel!.ChannelId),
                Kind = ConversationKind.Channel,
                ServiceUrl = _serviceUrl,
                ChannelId = "msteams",
                TenantId = BenchIds.TenantId,
                ConversationId = board.Channel.ChannelId,
                TeamsChannelId = board.Channel.ChannelId,
                TeamId = BenchIds.TeamId,
                TeamName = "Bench City Council",
                BotId = BenchIds.BotTeamsId,
                Installed = true,
            }, now));
        }
    }
}
