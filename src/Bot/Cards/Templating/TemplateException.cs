namespace PmfBot.Bot.Cards.Templating;

/// <summary>
/// A card template that cannot be loaded (a syntax error, or a function or operator outside the supported
/// subset) or expanded (an expression the official library would also fail on).
/// </summary>
public sealed class TemplateException : Exception
{
    public TemplateException(string templateName, string location, string reason)
        : base($"Card template '{templateName}' at {location}: {reason}")
    {
        TemplateName = templateName;
        Location = location;
    }

    public TemplateException(string templateName, string reason, Exception? inner = null)
        : base($"Card template '{templateName}': {reason}", inner)
    {
        TemplateName = templateName;
        Location = "$";
    }

    /// <summary>The template's name (its file name without .json).</summary>
    public string TemplateName { get; }

    /// <summary>Where in the template, as a JSON path ($.body[2].text).</summary>
    public string Location { get; }
}
