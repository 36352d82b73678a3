namespace PmfBot.Domain.Demo;

/// <summary>
/// Everyone in the demo council (Northbridge City Council, fictional): councillors who chair
/// boards, the chief executive, directors, lead officers, indicator owners, collators,
/// directorate performance leads and the corporate performance team. Managers are set so
/// escalation has somewhere to go. The people tests and the Playground act as are named in
/// <see cref="DemoCouncil.People"/>.
/// </summary>
internal static class DemoCast
{
    public const string Domain = "@northbridge.example";

    public static IReadOnlyList<DemoPerson> Everyone { get; } = Build();

    private static List<DemoPerson> Build()
    {
        var people = new List<DemoPerson>
        {
            DemoCouncil.People.Chair,
            DemoCouncil.People.LeadOfficer,
            DemoCouncil.People.Owner,
            DemoCouncil.People.Collator,
            DemoCouncil.People.Manager,
            DemoCouncil.People.PerformanceLead,
            DemoCouncil.People.Director,
            DemoCouncil.People.ScrutinyChair,
            DemoCouncil.People.ScrutinyMember,
            DemoCouncil.People.AuditChair,
            DemoCouncil.People.PerformanceOfficer,
            DemoCouncil.People.ChiefExecutive,
        };

        // Councillors and partners who chair or sit on boards.
        Add(people, "Cllr Daniel Okafor", "Executive Member for Children and Families");
        Add(people, "Cllr Margaret Ellison", "Executive Member for Communities");
        Add(people, "Cllr Imran Siddiqui", "Executive Member for Economy and Culture");
        Add(people, "Cllr Bethan Rowlands", "Executive Member for Housing");
        Add(people, "Cllr Hamid Qureshi", "Chair, Scrutiny Board (Strategy and Resources)");
        Add(people, "Cllr Elaine Pickersgill", "Member, Scrutiny Board (Strategy and Resources)");
        Add(people, "Cllr Sunita Bhatt", "Member, Corporate Governance and Audit Committee");

        // Directors (report to the chief executive).
        var ceo = DemoCouncil.People.ChiefExecutive.Email;
        Add(people, "Yvonne Achterberg", "Director of Children and Families", ceo, "CF");
        Add(people, "Owen Prendergast", "Director of Communities, Housing and Environment", ceo, "CHE");
        Add(people, "Laura Kinsella", "Director of City Development", ceo, "CD");
        Add(people, "Victor Ashdown", "Director of Resources", ceo, "RES");
        Add(people, "Alun Gethin", "Deputy Chief Executive", ceo, "RES");

        // Lead officers (report to their director).
        var ah = DemoCouncil.People.Director.Email;
        Add(people, "Shona Barraclough", "Chief Officer, Adult Social Care", ah, "AH");
        Add(people, "Stephen Wardle", "Chief Officer, Learning", E("Yvonne Achterberg"), "CF");
        Add(people, "Salma Tahir", "Chief Officer, Children's Social Work", E("Yvonne Achterberg"), "CF");
        Add(people, "Declan Byrne", "Head of 14 to 19 Services", E("Yvonne Achterberg"), "CF");
        Add(people, "Neil Haworth", "Chief Officer, Safer Communities", E("Owen Prendergast"), "CHE");
        Add(people, "Harriet Quinn", "Head of Domestic Violence Services", E("Owen Prendergast"), "CHE");
        Add(people, "Deborah Lumb", "Chief Officer, Environmental Services", E("Owen Prendergast"), "CHE");
        Add(people, "Jill Wetherby", "Chief Officer, Housing", E("Owen Prendergast"), "CHE");
        Add(people, "Ravi Chandran", "Head of Housing Options", E("Jill Wetherby"), "CHE");
        Add(people, "Patrick Doyle", "Head of Housing Standards", E("Jill Wetherby"), "CHE");
        Add(people, "Marcus Adeyemi", "Head of Employment and Skills", E("Laura Kinsella"), "CD");
        Add(people, "Eleanor Whitaker", "Chief Officer, Culture and Economy", E("Laura Kinsella"), "CD");
        Add(people, "Polly Greenwood", "Chief Officer, Sustainable Energy", E("Laura Kinsella"), "CD");
        Add(people, "Lee Hartley", "Chief Officer, Customer Access", E("Alun Gethin"), "RES");
        Add(people, "Amira Haddad", "Chief Officer, Human Resources", E("Victor Ashdown"), "RES");

        // Directorate performance leads.
        Add(people, "Priya Nair", "Performance Lead, Children and Families", E("Yvonne Achterberg"), "CF");
        Add(people, "Sophie Tranter", "Performance Lead, Communities, Housing and Environment", E("Owen Prendergast"), "CHE");
        Add(people, "Callum Doherty", "Performance Lead, City Development", E("Laura Kinsella"), "CD");
        Add(people, "Gareth Lloyd", "Performance Lead, Resources", E("Victor Ashdown"), "RES");

        // Indicator owners (report to a lead officer).
        Add(people, "Dr Fiona Lister", "Consultant in Public Health", DemoCouncil.People.LeadOfficer.Email, "AH");
        Add(people, "Mark Phelan", "Head of Reablement", E("Shona Barraclough"), "AH");
        Add(people, "Gemma Oakes", "Head of Adults Commissioning", E("Shona Barraclough"), "AH");
        Add(people, "Ruth Gilbertson", "Head of Attendance and Inclusion", E("Stephen Wardle"), "CF");
        Add(people, "Andrea Kowalski", "Head of Service, Children Looked After", E("Salma Tahir"), "CF");
        Add(people, "Naomi Clarke", "Head of Early Help", E("Salma Tahir"), "CF");
        Add(people, "Joel Ferreira", "Participation and NEET Manager", E("Declan Byrne"), "CF");
        Add(people, "Sam Millar", "Community Safety Manager", E("Neil Haworth"), "CHE");
        Add(people, "Bronwen Price", "Domestic Violence Service Manager", E("Harriet Quinn"), "CHE");
        Add(people, "Dean Foster", "Head of Waste and Street Cleansing", E("Deborah Lumb"), "CHE");
        Add(people, "Oliver Nwosu", "Housing Growth Manager", E("Jill Wetherby"), "CHE");
        Add(people, "Leanne Marsden", "Housing Options Manager", E("Ravi Chandran"), "CHE");
        Add(people, "Wendy Tse", "Private Sector Housing Manager", E("Patrick Doyle"), "CHE");
        Add(people, "Tom Ashworth", "Economic Policy Manager", E("Laura Kinsella"), "CD");
        Add(people, "Grace Obi", "Employment and Skills Manager", E("Marcus Adeyemi"), "CD");
        Add(people, "Hugo Bennett", "Visitor Economy Manager", E("Eleanor Whitaker"), "CD");
        Add(people, "Rachel Summers", "Sustainability Manager", E("Polly Greenwood"), "CD");
        Add(people, "Kevin Jackson", "Contact Centre Manager", E("Lee Hartley"), "RES");
        Add(people, "Megan Howarth", "Benefits Manager", E("Lee Hartley"), "RES");
        Add(people, "Stuart Pennington", "Head of Finance", E("Victor Ashdown"), "RES");
        Add(people, "Zara Malik", "HR Business Partner", E("Amira Haddad"), "RES");

        // Collators (directorate performance officers).
        Add(people, "Kim Lee", "Performance Officer, Children and Families", E("Priya Nair"), "CF");
        Add(people, "Darren Wright", "Performance Officer, Communities, Housing and Environment", E("Sophie Tranter"), "CHE");
        Add(people, "Anna Kovacs", "Performance Officer, City Development", E("Callum Doherty"), "CD");
        Add(people, "Ellie Sutton", "Performance Officer, Resources", E("Gareth Lloyd"), "RES");

        // Corporate performance team.
        Add(people, "Ben Carver", "Performance and Improvement Officer", DemoCouncil.People.PerformanceOfficer.Email, "RES", performanceTeam: true);
        return people;
    }

    /// <summary>The demo email of a name: "Dr Fiona Lister" is fiona.lister@northbridge.example, "Cllr ..." drops the title.</summary>
    public static string E(string name)
    {
        var words = name.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Where(w => w is not ("Cllr" or "Dr" or "Supt"))
            .Select(w => new string(w.Where(char.IsLetter).ToArray()).ToLowerInvariant());
        return string.Join('.', words) + Domain;
    }

    private static void Add(List<DemoPerson> people, string name, string jobTitle, string? managerEmail = null, string? directorate = null, bool performanceTeam = false)
    {
        var email = E(name);
        people.Add(new DemoPerson(name, email, DemoIds.For("entra:" + email).ToString(), jobTitle, managerEmail, directorate, performanceTeam));
    }
}
