namespace PmfBot.Bot.Tabs;

/// <summary>Where the tabs live: the pages Teams opens (declared in the manifest) and the signed-in content they fetch.</summary>
public static class TabAddresses
{
    public const string Root = "/tabs";
    public const string Personal = Root + "/personal";
    public const string Configure = Root + "/configure";
    public const string Content = Root + "/content";

    public static string Board(Guid boardId) => $"{Root}/board/{boardId}";

    public static string PersonalContent => Content + "/personal";

    public static string BoardContent(Guid boardId) => $"{Content}/board/{boardId}";

    public static string MeetingContent(Guid boardId) => $"{Content}/meeting/{boardId}";

    public static string Decide(Guid boardId) => $"{Content}/meeting/{boardId}/decide";

    public static string Boards => Content + "/boards";
}
