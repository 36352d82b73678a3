namespace PmfBot.Domain.PlainEnglish;

/// <summary>
/// Words and abbreviations council performance reports are criticised for, with what to
/// write instead. A term with a capital letter is matched exactly (so "SEND" but not "send").
/// The framework's own words (RAG, Q2, direction of travel) are left out: scrutiny knows them.
/// </summary>
public static class PlainEnglishGlossary
{
    public static Dictionary<string, string> Default() => new(StringComparer.Ordinal)
    {
        // Abbreviations a councillor or resident may not know.
        ["KPI"] = "performance measure",
        ["NEET"] = "young people not in education, employment or training",
        ["DToC"] = "delayed transfers of care (people kept in hospital while they wait for care)",
        ["BAU"] = "normal work",
        ["SEND"] = "special educational needs and disabilities",
        ["EHCP"] = "education, health and care plan",
        ["ASB"] = "anti-social behaviour",
        ["FTE"] = "full-time equivalent staff",
        ["YTD"] = "so far this year",
        ["FOI"] = "freedom of information request",
        ["CLT"] = "the council's leadership team",
        ["SLA"] = "agreed service standard",

        // Management jargon.
        ["going forward"] = "from now on",
        ["stakeholder engagement"] = "talking with the people affected",
        ["stakeholders"] = "the people and groups involved",
        ["synergies"] = "working together",
        ["leverage"] = "use",
        ["leveraging"] = "using",
        ["deliverables"] = "what we will deliver",
        ["workstream"] = "piece of work",
        ["holistic"] = "whole",
        ["robust"] = "strong",
        ["facilitate"] = "help",
        ["utilise"] = "use",
        ["in order to"] = "to",
        ["touch base"] = "talk",
        ["capacity building"] = "training and support",
        ["best practice"] = "what works well",
        ["step change"] = "big change",
        ["key driver"] = "main reason",
        ["incentivise"] = "encourage",
        ["on an ongoing basis"] = "still",
        ["outturn"] = "result",
        ["cross-cutting"] = "shared",
        ["joined-up"] = "working together",
        ["low-hanging fruit"] = "easy wins",
    };
}
