using PmfBot.Domain.Boards;
using PmfBot.Domain.Plans;

namespace PmfBot.Domain.Demo;

internal sealed record DemoDirectorate(string Code, string Name, string DirectorName, string PerformanceLeadName, bool UsesSignOff);

internal sealed record DemoBoard(string Key, string Name, BoardKind Kind, string ChairName, string[] MemberNames);

internal sealed record DemoPriority(string Code, string Title, string Outcome, PlanKind Plan, string BoardKey, string LeadName, string Directorate, string Progress);

/// <summary>The demo council's directorates, plans, boards and priorities, in the words of council plans.</summary>
internal static class DemoStructure
{
    public const string CityPlan = "City Priority Plan";
    public const string BusinessPlan = "Council Business Plan";

    /// <summary>The Teams team that holds the boards' channels in the demo (fictional).</summary>
    public const string TeamId = "19:demo-pmf-team@thread.tacv2";

    public static IReadOnlyList<DemoDirectorate> Directorates { get; } =
    [
        new("AH", "Adults and Health", "Martin Greaves", "Lee Young", UsesSignOff: true),
        new("CF", "Children and Families", "Yvonne Achterberg", "Priya Nair", UsesSignOff: false),
        new("CHE", "Communities, Housing and Environment", "Owen Prendergast", "Sophie Tranter", UsesSignOff: false),
        new("CD", "City Development", "Laura Kinsella", "Callum Doherty", UsesSignOff: false),
        new("RES", "Resources", "Victor Ashdown", "Gareth Lloyd", UsesSignOff: false),
    ];

    public static IReadOnlyList<DemoBoard> Boards { get; } =
    [
        new("HWB", "Health and Wellbeing Board", BoardKind.StrategicPartnership, "Cllr Rosa Whitfield", ["Martin Greaves"]),
        new("CFB", "Children and Families Partnership Board", BoardKind.StrategicPartnership, "Cllr Daniel Okafor", ["Yvonne Achterberg"]),
        new("SSC", "Safer and Stronger Communities Board", BoardKind.StrategicPartnership, "Cllr Margaret Ellison", ["Owen Prendergast"]),
        new("SEC", "Sustainable Economy and Culture Board", BoardKind.StrategicPartnership, "Cllr Imran Siddiqui", ["Laura Kinsella"]),
        new("HRB", "Housing and Regeneration Board", BoardKind.StrategicPartnership, "Cllr Bethan Rowlands", ["Owen Prendergast"]),
        new("BCB", "Best Council Board", BoardKind.BestCouncil, "Nadia Lindqvist", ["Alun Gethin", "Victor Ashdown", "Alison Pryce"]),
        new("SAH", "Scrutiny Board (Adults, Health and Active Lifestyles)", BoardKind.Scrutiny, "Cllr Fiona Brannigan", ["Cllr Paul Oduya"]),
        new("SSR", "Scrutiny Board (Strategy and Resources)", BoardKind.Scrutiny, "Cllr Hamid Qureshi", ["Cllr Elaine Pickersgill"]),
        new("CGA", "Corporate Governance and Audit Committee", BoardKind.GovernanceAndAudit, "Cllr Graham Tillotson", ["Cllr Sunita Bhatt", "Alison Pryce"]),
    ];

    public static IReadOnlyList<DemoPriority> Priorities { get; } =
    [
        new("HW1", "Reduce health inequalities: the poorest improve their health fastest", "Best city for health and wellbeing", PlanKind.CityPriorityPlan, "HWB", "Dr Aisha Rahman", "AH",
            "Smoking quit rates are recovering after the new stop smoking service started; childhood obesity remains the main concern."),
        new("HW2", "Support more people to live independently at home", "Best city for health and wellbeing", PlanKind.CityPriorityPlan, "HWB", "Shona Barraclough", "AH",
            "More people are going home from hospital with support, but delays in arranging care packages are rising again."),
        new("HW3", "Help more people to be physically active", "Best city for health and wellbeing", PlanKind.CityPriorityPlan, "HWB", "Tariq Mahmood", "AH",
            "Activity levels are close to target; the holiday activities programme reached more children than last year."),
        new("CF1", "Improve school attendance", "Best city for children and young people to grow up in", PlanKind.CityPriorityPlan, "CFB", "Stephen Wardle", "CF",
            "Primary attendance is just below target; persistent absence in secondary schools is falling."),
        new("CF2", "Safely reduce the number of children looked after", "Best city for children and young people to grow up in", PlanKind.CityPriorityPlan, "CFB", "Salma Tahir", "CF",
            "Fewer children are looked after, but too many have moved placement three or more times this year."),
        new("CF3", "Reduce the number of young people not in education, employment or training", "Best city for children and young people to grow up in", PlanKind.CityPriorityPlan, "CFB", "Declan Byrne", "CF",
            "The number of young people whose activity is not known is higher than we want; apprenticeship starts are on track."),
        new("SC1", "Reduce crime and its impact on people and places", "Best city for communities", PlanKind.CityPriorityPlan, "SSC", "Neil Haworth", "CHE",
            "Burglary is down; reports of anti-social behaviour rose over the summer in three wards."),
        new("SC2", "Reduce the harm from domestic violence and abuse", "Best city for communities", PlanKind.CityPriorityPlan, "SSC", "Harriet Quinn", "CHE",
            "More victims say they feel safer after support; waiting times for first contact need to come down."),
        new("SC3", "Make neighbourhoods cleaner and greener", "Best city for communities", PlanKind.CityPriorityPlan, "SSC", "Deborah Lumb", "CHE",
            "Recycling is slightly below target since the garden waste changes; missed bins are put right quickly."),
        new("EC1", "Create more and better jobs", "Best city for business", PlanKind.CityPriorityPlan, "SEC", "Laura Kinsella", "CD",
            "Job creation is well ahead of target thanks to two large investments in the city centre."),
        new("EC2", "Improve skills so local people can get good jobs", "Best city for business", PlanKind.CityPriorityPlan, "SEC", "Marcus Adeyemi", "CD",
            "Adult learning numbers are on profile; more unemployed residents were helped into work."),
        new("EC3", "Grow the city's culture and visitor economy", "Best city for business", PlanKind.CityPriorityPlan, "SEC", "Eleanor Whitaker", "CD",
            "Museum visits are up on last year; visitor spend is close to target."),
        new("HR1", "Increase the number of new and affordable homes", "Best city to live in", PlanKind.CityPriorityPlan, "HRB", "Jill Wetherby", "CHE",
            "House building has slowed as developers pause sites; affordable homes are on profile."),
        new("HR2", "Prevent and reduce homelessness", "Best city to live in", PlanKind.CityPriorityPlan, "HRB", "Ravi Chandran", "CHE",
            "Households in temporary accommodation have risen for several months; prevention work is holding up."),
        new("HR3", "Improve the quality and energy efficiency of homes", "Best city to live in", PlanKind.CityPriorityPlan, "HRB", "Patrick Doyle", "CHE",
            "Energy efficiency work is on profile; council homes meeting the Decent Homes Standard are close to target."),
        new("BC1", "Make it easier for people to contact and get help from the council", "An efficient and enterprising council", PlanKind.CouncilBusinessPlan, "BCB", "Alun Gethin", "RES",
            "Call answering dipped in the busiest month; more people are using the online forms."),
        new("BC2", "Spend money wisely and deliver a balanced budget", "An efficient and enterprising council", PlanKind.CouncilBusinessPlan, "BCB", "Victor Ashdown", "RES",
            "A small overspend is projected in children's placements; council tax collection is on profile."),
        new("BC3", "Process benefits and council tax support quickly and accurately", "An efficient and enterprising council", PlanKind.CouncilBusinessPlan, "BCB", "Lee Hartley", "RES",
            "New benefit claims are processed faster than target."),
        new("BC4", "Support a healthy, engaged and well-led workforce", "An efficient and enterprising council", PlanKind.CouncilBusinessPlan, "BCB", "Amira Haddad", "RES",
            "Sickness absence is higher than target, mainly longer-term absence linked to stress."),
        new("BC5", "Cut the council's carbon emissions", "An efficient and enterprising council", PlanKind.CouncilBusinessPlan, "BCB", "Polly Greenwood", "CD",
            "More fleet vehicles are electric; emissions from council buildings are falling."),
    ];
}
