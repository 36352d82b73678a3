using System.Reflection;

namespace PmfBot.Bot.Tabs;

/// <summary>
/// The two scripts the tab pages load, both from PmfBot itself: ours (embedded) and Microsoft's Teams JavaScript
/// library, copied at build from the npm package in Tabs/Client (PmfBot.Bot.csproj). Without the library the page
/// says the build is incomplete instead of hanging.
/// </summary>
public sealed class TabScripts
{
    public const string TeamsLibraryFile = "tabs/MicrosoftTeams.min.js";

    public TabScripts(ILogger<TabScripts> logger)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("PmfBot.Bot.Tabs.tab.js")
            ?? throw new InvalidOperationException("The tab script is missing from the build.");
        using var reader = new StreamReader(stream);
        Tab = reader.ReadToEnd();

        var library = Path.Combine(AppContext.BaseDirectory, TeamsLibraryFile);
        if (File.Exists(library))
        {
            TeamsLibrary = File.ReadAllText(library);
        }
        else
        {
            logger.LogError("The Teams JavaScript library is missing ({Path}): run npm ci in src/Bot/Tabs/Client and build again", library);
        }
    }

    public string Tab { get; }

    public string? TeamsLibrary { get; }
}
