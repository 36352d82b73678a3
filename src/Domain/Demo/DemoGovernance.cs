using PmfBot.Domain.Audit;
using PmfBot.Domain.BoardActions;
using PmfBot.Domain.Calendar;
using PmfBot.Domain.RagRatings;
using PmfBot.Domain.Ratings;
using PmfBot.Domain.Results;
using PmfBot.Domain.Returns;
using PmfBot.Domain.Risks;
using PmfBot.Domain.Scorecards;

namespace PmfBot.Domain.Demo;

/// <summary>The demo's overall ratings, board actions, risks and self assessments.</summary>
internal sealed partial class DemoSeeder
{
    /// <summary>Priorities whose current-quarter rating tells a story of its own.</summary>
    private const string SentBackPriority = "HW2";
    private const string AmendedPriority = "HR2";
    private const string AwaitingDecisionPriority = "SC2";
    private const string AwaitingProposalPriority = "EC3";

    /// <summary>Amended by its chair the quarter before the current one.</summary>
    private const string AmendedLastQuarterPriority = "CF2";

    private void AddRatings()
    {
        var answered = _returns.Where(r => r.HasAnswer).ToDictionary(r => (r.IndicatorId, r.Period));
        var firstQuarter = Period.Quarter(Year - 1, 1);
        foreach (var spec in DemoStructure.Priorities)
        {
            var priority = _priorities[spec.Code];
            var board = _boards[spec.BoardKey];
            var chair = _people.Values.Single(p => p.Id == board.ChairId);
            var lead = P(spec.LeadName);
            var indicators = _indicators.Values.Where(i => i.Priorities.Any(l => l.PriorityId == priority.Id)).ToList();
            for (var quarter = firstQuarter; quarter.CompareTo(Current) <= 0; quarter = quarter.Next())
            {
                var window = calendar.WindowFor(quarter);
                var rating = PriorityRating.AwaitProposal(priority, quarter, At(window.SignOff, 8));
                db.Ratings.Add(rating);
                var isCurrent = quarter == Current;
                if (isCurrent && spec.Code == AwaitingProposalPriority)
                {
                    continue;
                }

                var rags = indicators
                    .Select(i => answered.GetValueOrDefault((i.Id, IndicatorResults.PeriodFor(i.Frequency, quarter)))?.EffectiveRag)
                    .Where(r => r is Rag.Green or Rag.Amber or Rag.Red)
                    .Select(r => r!.Value)
                    .ToList();
                var proposed = Overall(rags);
                var summary = isCurrent
                    ? spec.Progress
                    : $"{rags.Count(r => r == Rag.Green)} green, {rags.Count(r => r == Rag.Amber)} amber and {rags.Count(r => r == Rag.Red)} red among the indicators reported this quarter.";
                rating.Propose(lead, proposed, summary, At(calendar.WorkingDays.Add(window.SignOff, 1), 11));

                var meeting = At(DemoCouncil.BoardMeeting(quarter, calendar), 14);
                if (isCurrent && spec.Code == AwaitingDecisionPriority)
                {
                    continue;
                }

                if (isCurrent && spec.Code == SentBackPriority)
                {
                    rating.SendBack(chair, board, "The summary does not say what is being done about delays in arranging care at home. Please add it and propose again.", meeting);
                }
                else if ((isCurrent && spec.Code == AmendedPriority) || (quarter == Current.Previous() && spec.Code == AmendedLastQuarterPriority))
                {
                    var amended = proposed == Rag.Red ? Rag.Amber : Rag.Red;
                    var reason = amended == Rag.Red
                        ? "The numbers have risen for several months running; the board rates this red until they fall."
                        : "The figures are red, but the recovery plan is ahead of schedule; the board rates overall progress amber.";
                    rating.Amend(chair, board, amended, reason, meeting);
                }
                else
                {
                    rating.Approve(chair, board, meeting);
                }
            }
        }
    }

    /// <summary>The lead officer's first view: red when a third or more are red, amber when a third or more are not green.</summary>
    private static Rag Overall(IReadOnlyCollection<Rag> rags)
    {
        if (rags.Count == 0)
        {
            return Rag.Amber;
        }

        var red = rags.Count(r => r == Rag.Red) / (double)rags.Count;
        var notGreen = rags.Count(r => r != Rag.Green) / (double)rags.Count;
        return red >= 1.0 / 3 ? Rag.Red : notGreen >= 1.0 / 3 ? Rag.Amber : Rag.Green;
    }

    private void AddBoardActions()
    {
        (string Board, string Priority, string Title, string Owner, int QuartersAgo, int DaysToDo, ActionStatus Final)[] actions =
        [
            ("HWB", "HW2", "Report on the causes of delayed transfers of care and the plan to reduce them", "Mark Phelan", 2, 150, ActionStatus.OnTrack),
            ("HWB", "HW1", "Bring a plan to focus stop smoking support on the most deprived wards", "Dr Fiona Lister", 3, 90, ActionStatus.Complete),
            ("CFB", "CF2", "Review the placements of every child who has moved three or more times this year", "Andrea Kowalski", 1, 120, ActionStatus.OnTrack),
            ("CFB", "CF1", "Agree an attendance plan with the 20 primary schools with the lowest attendance", "Ruth Gilbertson", 4, 150, ActionStatus.Complete),
            ("SSC", "SC1", "Map anti-social behaviour hot spots in the three wards with the biggest rise", "Sam Millar", 1, 30, ActionStatus.Delayed),
            ("SSC", "SC2", "Set out how waiting times for first contact will come down to four days", "Bronwen Price", 2, 150, ActionStatus.OnTrack),
            ("SEC", "EC1", "Report how many of the new jobs went to residents of the most deprived wards", "Tom Ashworth", 2, 120, ActionStatus.Complete),
            ("HRB", "HR2", "Bring options to stop using bed and breakfast for families with children", "Leanne Marsden", 2, 60, ActionStatus.Delayed),
            ("HRB", "HR1", "Meet the developers of paused sites and report what would restart them", "Oliver Nwosu", 1, 120, ActionStatus.OnTrack),
            ("BCB", "BC4", "Review the support for staff who are off sick with stress", "Zara Malik", 3, 120, ActionStatus.Complete),
            ("BCB", "BC1", "Improve call answering in the busiest months", "Kevin Jackson", 1, 90, ActionStatus.OnTrack),
            ("BCB", "BC2", "Set out how the overspend on children's placements will be brought back into balance", "Stuart Pennington", 0, 60, ActionStatus.NotStarted),
        ];

        foreach (var (boardKey, priorityCode, title, ownerName, quartersAgo, daysToDo, final) in actions)
        {
            var board = _boards[boardKey];
            var chair = _people.Values.Single(p => p.Id == board.ChairId);
            var owner = P(ownerName);
            var requestedIn = Current;
            for (var i = 0; i < quartersAgo; i++)
            {
                requestedIn = requestedIn.Previous();
            }

            var meeting = DemoCouncil.BoardMeeting(requestedIn, calendar);
            var action = BoardAction.Request(board.Id, _priorities[priorityCode].Id, title, owner.Id, meeting.AddDays(daysToDo), requestedIn, Actor.Of(chair), At(meeting, 15));
            for (var quarter = requestedIn.Next(); quarter.CompareTo(Current) <= 0; quarter = quarter.Next())
            {
                var last = quarter == Current;
                var status = last ? final : ActionStatus.OnTrack;
                var note = status switch
                {
                    ActionStatus.Complete => "Done: the report went to the board and its recommendations were agreed.",
                    ActionStatus.Delayed => "Delayed: the work depends on data from partners that has not arrived yet. A new date will be agreed with the chair.",
                    ActionStatus.NotStarted => "Not started yet.",
                    _ => "On track: the work has started and the first findings are due before the next meeting.",
                };
                action.RecordProgress(owner, quarter, status, note, At(calendar.WindowFor(quarter).SignOff, 12));
            }

            db.BoardActions.Add(action);
        }
    }

    private void AddRisks()
    {
        (string Priority, string Title, RiskLevel Impact, RiskLevel Likelihood, RiskLevel ImpactAfter, RiskLevel LikelihoodAfter, string Owner, string Mitigation)[] risks =
        [
            ("HW1", "Cuts to the public health grant reduce stop smoking and weight management services", RiskLevel.High, RiskLevel.Medium, RiskLevel.Medium, RiskLevel.Medium, "Dr Aisha Rahman", "Services recommissioned on outcomes; joint funding agreed with the NHS for two years."),
            ("HW2", "Not enough home care workers to support people leaving hospital", RiskLevel.High, RiskLevel.High, RiskLevel.High, RiskLevel.Medium, "Shona Barraclough", "Recruitment campaign with providers; a higher hourly rate for hard-to-cover areas."),
            ("HW2", "Winter pressures on hospitals increase delayed discharges", RiskLevel.Medium, RiskLevel.High, RiskLevel.Medium, RiskLevel.Medium, "Mark Phelan", "Winter plan agreed with the NHS; extra reablement staff from November."),
            ("HW3", "Rising energy costs force leisure centres to cut opening hours", RiskLevel.Medium, RiskLevel.Medium, RiskLevel.Low, RiskLevel.Medium, "Tariq Mahmood", "Solar panels and new boilers at the three largest centres."),
            ("CF1", "Families' cost of living pressures lead to more children missing school", RiskLevel.High, RiskLevel.Medium, RiskLevel.Medium, RiskLevel.Medium, "Stephen Wardle", "Free breakfast clubs in 40 schools; attendance officers follow up every long absence."),
            ("CF2", "Too few local foster carers, so more children are placed far from home", RiskLevel.High, RiskLevel.High, RiskLevel.High, RiskLevel.Medium, "Salma Tahir", "Foster carer recruitment campaign; better support package for carers."),
            ("CF3", "Young people whose activity is not known are missed by support", RiskLevel.Medium, RiskLevel.Medium, RiskLevel.Medium, RiskLevel.Low, "Declan Byrne", "Data sharing agreement with colleges; door-knocking in September."),
            ("SC1", "Police staffing changes reduce neighbourhood patrols", RiskLevel.Medium, RiskLevel.Medium, RiskLevel.Medium, RiskLevel.Low, "Neil Haworth", "Joint tasking with the police every week; council wardens in the hot spots."),
            ("SC2", "Demand for domestic violence support outgrows the service", RiskLevel.High, RiskLevel.Medium, RiskLevel.Medium, RiskLevel.Medium, "Harriet Quinn", "Extra caseworkers funded for a year; triage of every new referral within a day."),
            ("SC3", "Changes to national waste rules disrupt collections", RiskLevel.Medium, RiskLevel.Low, RiskLevel.Low, RiskLevel.Low, "Deborah Lumb", "Implementation plan agreed; new vehicles ordered."),
            ("EC1", "A slowdown in the economy delays investment in the city", RiskLevel.High, RiskLevel.Medium, RiskLevel.High, RiskLevel.Low, "Laura Kinsella", "A pipeline of sites ready to go; close contact with the largest investors."),
            ("HR1", "Higher building costs make housing sites unviable", RiskLevel.High, RiskLevel.High, RiskLevel.Medium, RiskLevel.High, "Jill Wetherby", "Council land offered on deferred payment; bids to the national housing fund."),
            ("HR2", "More families become homeless as private rents rise", RiskLevel.High, RiskLevel.High, RiskLevel.High, RiskLevel.Medium, "Ravi Chandran", "Prevention fund for rent arrears; more council-owned temporary homes."),
            ("BC1", "The new telephone system is not ready before the busiest months", RiskLevel.Medium, RiskLevel.Medium, RiskLevel.Low, RiskLevel.Low, "Lee Hartley", "Old system kept running until the new one is proven."),
            ("BC2", "Demand for children's placements causes an overspend the council cannot absorb", RiskLevel.High, RiskLevel.Medium, RiskLevel.Medium, RiskLevel.Medium, "Victor Ashdown", "Monthly budget challenge sessions; contingency fund held centrally."),
            ("BC4", "Sickness absence stays high and services struggle to cover", RiskLevel.Medium, RiskLevel.High, RiskLevel.Medium, RiskLevel.Medium, "Amira Haddad", "Wellbeing support, return-to-work interviews and a manager training programme."),
        ];

        foreach (var (code, title, impact, likelihood, impactAfter, likelihoodAfter, owner, mitigation) in risks)
        {
            db.Risks.Add(new Risk(DemoIds.For($"risk:{code}:{title}"), _priorities[code].Id, title, impact, likelihood, impactAfter, likelihoodAfter)
            {
                OwnerId = P(owner).Id,
                Mitigation = mitigation,
            });
        }
    }

    private void AddSelfAssessments()
    {
        var concerns = new Dictionary<string, string>
        {
            ["AH"] = "Staff turnover in home care is the main concern: it slows discharges from hospital. Two care homes were rated inadequate this quarter and we are supporting them to improve.",
            ["CF"] = "The number of children needing placements far from home is rising. Recruitment of social workers is improving, but agency staff costs remain high.",
            ["CHE"] = "Temporary accommodation costs are rising faster than budget. Garden waste changes caused complaints in the first month; these have now fallen.",
            ["CD"] = "Two large developments have paused while developers review costs. Planning appeals are taking longer to resolve.",
            ["RES"] = "The new telephone system goes live next quarter. Sickness absence is above target in three services; managers have action plans.",
        };
        foreach (var (code, text) in concerns)
        {
            var directorate = _directorates[code];
            var director = _people.Values.Single(p => p.Id == directorate.DirectorId);
            var window = calendar.WindowFor(Current);
            var assessment = SelfAssessment.For(directorate, Current, At(window.Due, 8));
            assessment.Write(director, directorate, text, At(window.SignOff, 16));
            db.SelfAssessments.Add(assessment);
        }

        var che = _directorates["CHE"];
        var previous = SelfAssessment.For(che, Current.Previous(), At(calendar.WindowFor(Current.Previous()).Due, 8));
        previous.Write(P("Sophie Tranter"), che, "Households in temporary accommodation rose for the third month; a recovery plan went to the Housing and Regeneration Board.", At(calendar.WindowFor(Current.Previous()).SignOff, 16));
        db.SelfAssessments.Add(previous);
    }
}
