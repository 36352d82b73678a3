namespace PmfBot.Bot.Tests.Cards.Templating;

/// <summary>Where the templating tests find the repository: the folder holding PmfBot.sln above the test assembly.</summary>
internal static class TemplatingRepository
{
    private static readonly Lazy<string> LazyRoot = new(FindRoot);

    public static string Root => LazyRoot.Value;

    public static string Fixtures => Path.Combine(Root, "tests", "Bot.Tests", "Cards", "Templating", "Fixtures");

    public static string Cards => Path.Combine(Root, "cards");

    public static string JsJudges => Path.Combine(Root, "tests", "js");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "PmfBot.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No PmfBot.sln in any folder above {AppContext.BaseDirectory}.");
    }
}
