namespace PmfBot.Domain.Import;

/// <summary>The files the import takes, each recognised by its headings, so `import values.csv` just works.</summary>
public enum ImportKind
{
    /// <summary>The single data list: boards, priorities, indicators, people and their roles.</summary>
    DataList,

    /// <summary>Past values: Indicator code, Period, Value.</summary>
    PastValues,

    /// <summary>The boards' action tracker: Priority code, Action, Owner email, Due date.</summary>
    BoardActions,

    /// <summary>The risk register: Priority code, Risk, impact and likelihood.</summary>
    Risks,

    /// <summary>People with their Entra object ids: Name, Email, Entra object id.</summary>
    People,
}

public static class ImportKinds
{
    /// <summary>
    /// A file with Period and Value columns is past values, with Action and Due date an action
    /// tracker, with Risk a risk register, with Entra object id a list of people; anything else is a data list.
    /// </summary>
    public static ImportKind Recognise(Sheet sheet)
    {
        var headings = sheet.Headers.Select(CellWords.Normalise).ToHashSet(StringComparer.Ordinal);
        bool Has(string heading) => headings.Contains(CellWords.Normalise(heading));
        if (Has(PastValuesColumns.Period) && Has(PastValuesColumns.Value))
        {
            return ImportKind.PastValues;
        }

        if (Has(BoardActionColumns.Action) && Has(BoardActionColumns.DueDate))
        {
            return ImportKind.BoardActions;
        }

        if (Has(RiskColumns.Risk))
        {
            return ImportKind.Risks;
        }

        return Has(PeopleColumns.EntraObjectId) ? ImportKind.People : ImportKind.DataList;
    }
}
