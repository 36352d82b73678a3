namespace PmfBot.Domain.Settings;

/// <summary>
/// A settings class a council sets in configuration (appsettings.json or environment variables).
/// It says what is wrong with itself in words the council's IT can act on.
/// </summary>
public interface ISettings
{
    /// <summary>Problems a person can fix in configuration; empty when the settings are usable.</summary>
    IReadOnlyList<string> Problems();
}
